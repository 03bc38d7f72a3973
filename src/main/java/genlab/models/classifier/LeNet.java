package genlab.models.classifier;

import genlab.nn.Conv2d;
import genlab.nn.Linear;
import genlab.nn.Module;
import genlab.tensor.Shapes;
import genlab.tensor.Tensor;
import genlab.tensor.ops.MaxPool2d;

import java.util.random.RandomGenerator;

/**
 * A LeNet-5-like MNIST classifier (LeCun et al. 1998), with ReLU and max pooling as is usual today:
 * <pre>
 *   x (B, 1, 28, 28)
 *   conv 5x5, 6 channels, padding 2, ReLU, max pool 2   -> (B, 6, 14, 14)
 *   conv 5x5, 16 channels, ReLU, max pool 2             -> (B, 16, 5, 5)
 *   flatten, FC 120, ReLU                               -> (B, 120)
 *   FC 84, ReLU                                         -> (B, 84)   the penultimate features φ(x)
 *   FC 10                                               -> (B, 10)   logits
 * </pre>
 * 61,706 parameters. {@link #features} is the 84-d representation the metrics compare
 * (the role Inception-v3's pool features play in FID); {@link #forward} gives the logits.
 * Inputs of shape (B, 784) are reshaped to (B, 1, 28, 28).
 */
public final class LeNet extends Module {
    /** Size of the penultimate features. */
    public static final int FEATURES = 84;
    /** Number of classes. */
    public static final int CLASSES = 10;

    private static final int[] POOL = {2, 2}, NO_PAD = {0, 0}, ONE = {1, 1};

    private final Conv2d conv1, conv2;
    private final Linear fc1, fc2, fc3;

    public LeNet(RandomGenerator rng) {
        conv1 = child("conv1", new Conv2d(1, 6, 5, 1, 2, rng));
        conv2 = child("conv2", new Conv2d(6, 16, 5, 1, 0, rng));
        fc1 = child("fc1", new Linear(16 * 5 * 5, 120, rng));
        fc2 = child("fc2", new Linear(120, FEATURES, rng));
        fc3 = child("fc3", new Linear(FEATURES, CLASSES, rng));
    }

    /** The logits, (B, 10). */
    @Override
    public Tensor forward(Tensor x) {
        return logits(features(x)); // (B, 10)
    }

    /** The last layer alone: logits (B, 10) from penultimate features (B, 84). */
    public Tensor logits(Tensor features) {
        return fc3.forward(features); // (B, 10)
    }

    /** The penultimate features φ(x), (B, 84), after the ReLU. */
    public Tensor features(Tensor x) {
        x = images(x);                                                                    // (B, 1, 28, 28)
        Tensor h = MaxPool2d.apply(conv1.forward(x).relu(), POOL, POOL, NO_PAD, ONE);     // (B, 6, 14, 14)
        h = MaxPool2d.apply(conv2.forward(h).relu(), POOL, POOL, NO_PAD, ONE);            // (B, 16, 5, 5)
        h = fc1.forward(h.flatten(1)).relu();                                             // (B, 120)
        return fc2.forward(h).relu();                                                     // (B, 84)
    }

    private static Tensor images(Tensor x) {
        int[] s = x.shape();
        if (s.length == 2 && s[1] == 28 * 28) return x.reshape(s[0], 1, 28, 28);
        if (s.length == 4 && s[1] == 1 && s[2] == 28 && s[3] == 28) return x;
        throw new IllegalArgumentException("LeNet: expected images (B, 1, 28, 28) or (B, 784), got " + Shapes.str(s));
    }
}
