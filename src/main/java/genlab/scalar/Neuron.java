package genlab.scalar;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One artificial neuron: {@code y = φ(Σᵢ wᵢ·xᵢ + b)}.
 *
 * <p>As in micrograd, weights start uniform in [-1, 1) and the bias at 0.
 */
public final class Neuron {
    private final List<Value> w;
    private final Value b;
    private final Nonlinearity phi;

    /** {@code nin} inputs; draws its weights from {@code rng}. */
    public Neuron(int nin, Nonlinearity phi, RandomGenerator rng) {
        if (nin <= 0) throw new IllegalArgumentException("Neuron: nin must be positive, got " + nin);
        this.w = new ArrayList<>(nin);
        for (int i = 0; i < nin; i++) w.add(new Value(rng.nextDouble(-1, 1)));
        this.b = new Value(0);
        this.phi = phi;
    }

    /** {@code φ(w·x + b)}. */
    public Value apply(List<Value> x) {
        if (x.size() != w.size()) {
            throw new IllegalArgumentException("Neuron: expected " + w.size() + " inputs, got " + x.size());
        }
        Value act = b;
        for (int i = 0; i < w.size(); i++) act = act.add(w.get(i).mul(x.get(i)));
        return phi.apply(act);
    }

    /** The weights, then the bias. */
    public List<Value> parameters() {
        List<Value> p = new ArrayList<>(w);
        p.add(b);
        return p;
    }

    public Nonlinearity nonlinearity() {
        return phi;
    }

    @Override
    public String toString() {
        return phi + "Neuron(" + w.size() + ")";
    }
}
