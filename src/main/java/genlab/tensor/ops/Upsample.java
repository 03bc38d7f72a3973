package genlab.tensor.ops;

import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/**
 * Nearest-neighbour upsampling by an integer factor: y[n, c, i, j] = x[n, c, ⌊i/s⌋, ⌊j/s⌋].
 * Composed of reshape and broadcast, so the gradient sums each s×s block.
 */
public final class Upsample {
    private Upsample() {}

    public static Tensor nearest(Tensor x, int scale) {
        int[] s = x.shape();
        if (s.length != 4) throw new IllegalArgumentException("upsample: need (N, C, H, W), got " + Shapes.str(s));
        return x.reshape(s[0], s[1], s[2], 1, s[3], 1)   // (N, C, H, 1, W, 1)
                .broadcastTo(s[0], s[1], s[2], scale, s[3], scale)
                .reshape(s[0], s[1], s[2] * scale, s[3] * scale);
    }
}
