package genlab.models.gan;

import genlab.nn.Activation;
import genlab.nn.Linear;
import genlab.nn.Module;
import genlab.nn.Sequential;
import genlab.tensor.Tensor;

import java.util.random.RandomGenerator;

/**
 * A fully connected discriminator (or critic) D: x (B, in) -> score (B, 1): Linear layers of the
 * given widths with LeakyReLU(slope), then Linear to one unit, optionally followed by a sigmoid.
 * The seed notes' MNIST discriminator is 784-512-256-1 with LeakyReLU (PyTorch's default slope
 * 0.01) and a sigmoid ({@link #seed}); the other recipes leave the sigmoid out and use losses on
 * logits ({@link GanLoss}). With {@code classes > 0} the input is [x, onehot(y)].
 */
public final class MlpDiscriminator extends Module {
    public final int in, classes;
    public final boolean sigmoid;
    private final Sequential net;

    public MlpDiscriminator(int in, int[] hidden, float slope, boolean sigmoid, int classes, RandomGenerator rng) {
        this.in = in;
        this.classes = classes;
        this.sigmoid = sigmoid;
        Sequential s = new Sequential();
        int width = in + classes;
        for (int h : hidden) {
            s.add(new Linear(width, h, rng));                   // (B, width) -> (B, h)
            s.add(Activation.leakyRelu(slope));
            width = h;
        }
        s.add(new Linear(width, 1, rng));                       // (B, width) -> (B, 1)
        if (sigmoid) s.add(Activation.sigmoid());
        net = child("net", s);
    }

    /** The seed notes' discriminator: 784-512-256-1, LeakyReLU(0.01), sigmoid. */
    public static MlpDiscriminator seed(int classes, RandomGenerator rng) {
        return new MlpDiscriminator(784, new int[] {512, 256}, 0.01f, true, classes, rng);
    }

    /** D(x): (B, in) -> (B, 1). */
    @Override
    public Tensor forward(Tensor x) {
        if (classes > 0) throw new IllegalStateException("MlpDiscriminator: conditional on " + classes + " classes, call forward(x, labels)");
        return net.forward(x);
    }

    /** D(x, y): [x, onehot(y)] (B, in + classes) -> (B, 1). */
    public Tensor forward(Tensor x, int[] labels) {
        return classes == 0 ? net.forward(x) : net.forward(Conditioning.append(x, labels, classes));
    }
}
