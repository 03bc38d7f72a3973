package genlab.metrics;

import genlab.tensor.Tensor;

import java.util.random.RandomGenerator;

/**
 * Bits per dimension, the likelihood unit of image density models (RealNVP, PixelCNN, DDPM):
 * <pre>
 *   bits/dim = NLL / (D · ln 2)       NLL in nats per example, D dimensions per example
 * </pre>
 * <h2>Dequantization</h2>
 * A density on continuous values says nothing about 8-bit pixels until they are made continuous.
 * Uniform dequantization (Theis et al. 2016; Dinh et al. 2017) uses y = (k + u)/256 with the pixel
 * value k ∈ {0..255} and u ~ U[0, 1)ᴰ, so y fills [0, 1)ᴰ ({@link #dequantize}). A model density
 * p(y) on [0, 1)ᴰ is a density 256⁻ᴰ p(y) on the unscaled cube [0, 256)ᴰ, whose integral over each unit
 * cell bounds the discrete probability of k from below (Jensen). So the discrete NLL in nats is
 * at most E_u[−ln p(y)] + D·ln 256, and
 * <pre>
 *   bits/dim = (E_u[−ln p(y)] + D·ln 256) / (D · ln 2) = E_u[−ln p(y)]/(D · ln 2) + 8
 * </pre>
 * {@link #fromNats} is the plain conversion (for an NLL already on the 0..255 scale);
 * {@link #fromUnitScaleNats} adds the D·ln 256 of the rescaling to [0, 1] first.
 */
public final class BitsPerDim {
    /** ln 256: the per-dimension change of scale from [0, 256) to [0, 1), in nats. */
    public static final double DEQUANTIZATION_NATS_PER_DIM = Math.log(256);

    private BitsPerDim() {}

    /** NLL in nats per example -> bits per dimension: nll / (dims · ln 2). */
    public static double fromNats(double nllNatsPerExample, int dims) {
        checkDims(dims);
        return nllNatsPerExample / (dims * Math.log(2));
    }

    /** Bits per dimension -> NLL in nats per example: bits · dims · ln 2 (inverse of {@link #fromNats}). */
    public static double toNats(double bitsPerDim, int dims) {
        checkDims(dims);
        return bitsPerDim * dims * Math.log(2);
    }

    /**
     * Bits per dimension of 8-bit data from the NLL of the dequantized values y ∈ [0, 1)ᴰ:
     * (nll + D·ln 256) / (D · ln 2), i.e. {@code fromNats(nll, D) + 8}.
     */
    public static double fromUnitScaleNats(double nllNatsPerExample, int dims) {
        checkDims(dims);
        return fromNats(nllNatsPerExample + dims * DEQUANTIZATION_NATS_PER_DIM, dims);
    }

    /**
     * Uniform dequantization of 8-bit images stored as k/255 in [0, 1] (as {@code Mnist} loads them):
     * y = (k + u)/256 with k = round(255·x) and u ~ U[0, 1), a new tensor of the same shape in [0, 1).
     */
    public static Tensor dequantize(Tensor x, RandomGenerator rng) {
        float[] in = x.data();
        float[] out = new float[in.length]; // same shape as x
        for (int i = 0; i < in.length; i++) {
            float v = in[i];
            if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException("dequantize: value " + v + " at index " + i + " is outside [0, 1]");
            int k = Math.round(v * 255);
            out[i] = (float) ((k + rng.nextDouble()) / 256);
            if (out[i] >= 1f) out[i] = Math.nextDown(1f); // float rounding of (255 + u)/256 near 1
        }
        return Tensor.of(out, x.shape());
    }

    private static void checkDims(int dims) {
        if (dims <= 0) throw new IllegalArgumentException("BitsPerDim: dims must be positive, got " + dims);
    }
}
