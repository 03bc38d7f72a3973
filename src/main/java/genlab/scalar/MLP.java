package genlab.scalar;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A multi-layer perceptron {@code x -> φ(W₁x + b₁) -> ... -> W_L h + b_L}: hidden layers use
 * {@code phi}, the last layer is linear (a score or regression output), as in micrograd.
 */
public final class MLP {
    private final List<Layer> layers = new ArrayList<>();

    /** {@code new MLP(2, new int[] {16, 16, 1}, RELU, rng)} is a 2-16-16-1 network. */
    public MLP(int nin, int[] nouts, Nonlinearity phi, RandomGenerator rng) {
        int in = nin;
        for (int i = 0; i < nouts.length; i++) {
            layers.add(new Layer(in, nouts[i], i == nouts.length - 1 ? Nonlinearity.LINEAR : phi, rng));
            in = nouts[i];
        }
    }

    /** The network's outputs for input {@code x}. */
    public List<Value> apply(List<Value> x) {
        for (Layer layer : layers) x = layer.apply(x);
        return x;
    }

    /** The network on plain numbers. */
    public List<Value> apply(double... x) {
        List<Value> in = new ArrayList<>(x.length);
        for (double v : x) in.add(new Value(v));
        return apply(in);
    }

    /** Every weight and bias, layer by layer. */
    public List<Value> parameters() {
        List<Value> p = new ArrayList<>();
        for (Layer l : layers) p.addAll(l.parameters());
        return p;
    }

    /** Sets every parameter's gradient to 0. */
    public void zeroGrad() {
        for (Value p : parameters()) p.zeroGrad();
    }

    @Override
    public String toString() {
        return "MLP" + layers;
    }
}
