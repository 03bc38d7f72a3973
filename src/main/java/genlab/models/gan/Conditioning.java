package genlab.models.gan;

import genlab.tensor.Tensor;

import java.util.List;

/**
 * Class conditioning by concatenation (conditional GAN, Mirza and Osindero 2014): both G and D
 * see the label as a one-hot vector appended to their input, G(z, y) = G([z, onehot(y)]) and
 * D(x, y) = D([x, onehot(y)]), so D learns to reject a good digit with the wrong label and G is
 * forced to draw the digit it was asked for.
 */
public final class Conditioning {
    private Conditioning() {}

    /** One-hot rows (B, classes); a label outside [0, classes) is an error naming it. */
    public static Tensor oneHot(int[] labels, int classes) {
        float[] d = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " out of range [0, " + classes + ")");
            }
            d[i * classes + labels[i]] = 1;
        }
        return Tensor.of(d, labels.length, classes);
    }

    /** [x, onehot(y)]: x (B, F) -> (B, F + classes); x of more axes is flattened first. */
    public static Tensor append(Tensor x, int[] labels, int classes) {
        if (x.size(0) != labels.length) {
            throw new IllegalArgumentException("Conditioning: " + x.size(0) + " inputs but " + labels.length + " labels");
        }
        return Tensor.concat(List.of(x.flatten(1), oneHot(labels, classes)), 1);
    }
}
