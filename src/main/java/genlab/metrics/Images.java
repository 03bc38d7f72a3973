package genlab.metrics;

import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/** Checks that a tensor holds MNIST-sized images in [0, 1] for the {@link Evaluator}. */
final class Images {
    static final int PIXELS = 28 * 28;

    private Images() {}

    /**
     * The number of images in {@code images}, (N, 1, 28, 28) or (N, 784) with every value in [0, 1];
     * otherwise an {@link IllegalArgumentException} naming the shape or the first bad value.
     */
    static int check(Tensor images, String what) {
        int[] s = images.shape();
        boolean ok = (s.length == 4 && s[1] == 1 && s[2] == 28 && s[3] == 28) || (s.length == 2 && s[1] == PIXELS);
        if (!ok) {
            throw new IllegalArgumentException(what + " has shape " + Shapes.str(s) + "; expected (N, 1, 28, 28) or (N, 784)");
        }
        if (s[0] == 0) throw new IllegalArgumentException(what + " holds no images (shape " + Shapes.str(s) + ")");
        float[] d = images.data();
        for (int i = 0; i < d.length; i++) {
            if (Float.isNaN(d[i])) {
                throw new IllegalArgumentException(what + ": value NaN at image " + i / PIXELS + " (pixel " + i % PIXELS + "); pixels must be in [0, 1]");
            }
            if (!(d[i] >= 0f && d[i] <= 1f)) {
                float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
                for (float v : d) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                throw new IllegalArgumentException(what + ": value " + d[i] + " of image " + i / PIXELS + " (pixel " + i % PIXELS
                        + ") is outside [0, 1] (values range over [" + min + ", " + max + "]); pixels must be in [0, 1]");
            }
        }
        return s[0];
    }
}
