package genlab.scalar;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** A fully connected layer of {@code nout} independent {@link Neuron}s on the same {@code nin} inputs. */
public final class Layer {
    private final List<Neuron> neurons;

    public Layer(int nin, int nout, Nonlinearity phi, RandomGenerator rng) {
        neurons = new ArrayList<>(nout);
        for (int i = 0; i < nout; i++) neurons.add(new Neuron(nin, phi, rng));
    }

    /** One output per neuron. */
    public List<Value> apply(List<Value> x) {
        List<Value> out = new ArrayList<>(neurons.size());
        for (Neuron n : neurons) out.add(n.apply(x));
        return out;
    }

    public List<Value> parameters() {
        List<Value> p = new ArrayList<>();
        for (Neuron n : neurons) p.addAll(n.parameters());
        return p;
    }

    @Override
    public String toString() {
        return "Layer" + neurons;
    }
}
