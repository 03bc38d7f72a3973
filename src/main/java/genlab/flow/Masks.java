package genlab.flow;

import genlab.tensor.Tensor;

/**
 * Binary masks for {@link AffineCoupling}: 1 marks the entries that pass through unchanged (and
 * condition the s and t networks), 0 the entries that are scaled and shifted. Shapes carry a
 * leading batch axis of size 1 so they broadcast.
 */
public final class Masks {
    private Masks() {}

    /** (1, D): 1 at even indices (parity 0) or at odd ones (parity 1); for 2-D points. */
    public static Tensor alternating(int d, int parity) {
        float[] m = new float[d];
        for (int i = 0; i < d; i++) m[i] = (i + parity) % 2 == 0 ? 1 : 0;
        return Tensor.of(m, 1, d); // (1, D)
    }

    /** (1, C, H, W): 1 where (i + j + parity) is even, in every channel (RealNVP's checkerboard). */
    public static Tensor checkerboard(int c, int h, int w, int parity) {
        float[] m = new float[c * h * w];
        for (int ch = 0; ch < c; ch++)
            for (int i = 0; i < h; i++)
                for (int j = 0; j < w; j++) m[(ch * h + i) * w + j] = (i + j + parity) % 2 == 0 ? 1 : 0;
        return Tensor.of(m, 1, c, h, w); // (1, C, H, W)
    }

    /** (1, C, H, W): 1 on the first ⌊C/2⌋ channels (parity 0) or on the others (parity 1). */
    public static Tensor channels(int c, int h, int w, int parity) {
        if (c < 2) throw new IllegalArgumentException("Masks.channels: need at least 2 channels, got " + c);
        float[] m = new float[c * h * w];
        for (int ch = 0; ch < c; ch++) {
            boolean first = ch < c / 2;
            float v = (first == (parity == 0)) ? 1 : 0;
            for (int k = 0; k < h * w; k++) m[ch * h * w + k] = v;
        }
        return Tensor.of(m, 1, c, h, w); // (1, C, H, W)
    }
}
