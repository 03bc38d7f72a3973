package genlab.models.gan;

import genlab.nn.Activation;
import genlab.nn.BatchNorm1d;
import genlab.nn.Linear;
import genlab.nn.Module;
import genlab.nn.Sequential;
import genlab.tensor.Tensor;

import java.util.random.RandomGenerator;
import java.util.function.Supplier;

/**
 * A fully connected generator G: z (B, noise) -> x (B, out): Linear layers of the given hidden widths,
 * each followed by the hidden activation, then a Linear to {@code out} and an optional Tanh (images
 * scaled to [−1, 1]), optionally with batch norm before each hidden activation. The seed notes' MNIST generator is 100-256-512-784 with ReLU and Tanh
 * ({@link #seed}). With {@code classes > 0} it is conditional: the input is [z, onehot(y)]
 * (Mirza and Osindero 2014), see {@link Conditioning}.
 */
public final class MlpGenerator extends Module {
    public final int noise, out, classes;
    private final Sequential net;

    public MlpGenerator(int noise, int[] hidden, int out, Supplier<Module> activation, boolean tanh, int classes,
                        RandomGenerator rng) {
        this(noise, hidden, out, activation, false, tanh, classes, rng);
    }

    /** With {@code batchNorm}, a {@link BatchNorm1d} between each hidden Linear and its activation. */
    public MlpGenerator(int noise, int[] hidden, int out, Supplier<Module> activation, boolean batchNorm, boolean tanh,
                        int classes, RandomGenerator rng) {
        this.noise = noise;
        this.out = out;
        this.classes = classes;
        Sequential s = new Sequential();
        int in = noise + classes;
        for (int h : hidden) {
            s.add(new Linear(in, h, rng));                      // (B, in) -> (B, h)
            if (batchNorm) s.add(new BatchNorm1d(h));
            s.add(activation.get());
            in = h;
        }
        s.add(new Linear(in, out, rng));                        // (B, in) -> (B, out)
        if (tanh) s.add(Activation.tanh());
        net = child("net", s);
    }

    /** The seed notes' generator: 100-256-512-784, ReLU, Tanh, PyTorch's default initialisation. */
    public static MlpGenerator seed(int classes, RandomGenerator rng) {
        return new MlpGenerator(100, new int[] {256, 512}, 784, Activation::relu, true, classes, rng);
    }

    /** G(z) (B, noise) -> (B, out); for a conditional G use {@link #forward(Tensor, int[])}. */
    @Override
    public Tensor forward(Tensor z) {
        if (classes > 0) throw new IllegalStateException("MlpGenerator: conditional on " + classes + " classes, call forward(z, labels)");
        return net.forward(z);
    }

    /** G(z, y): [z, onehot(y)] (B, noise + classes) -> (B, out). */
    public Tensor forward(Tensor z, int[] labels) {
        return classes == 0 ? net.forward(z) : net.forward(Conditioning.append(z, labels, classes));
    }
}
