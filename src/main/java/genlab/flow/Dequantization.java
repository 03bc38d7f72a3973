package genlab.flow;

import genlab.tensor.Tensor;

import java.util.random.RandomGenerator;

/**
 * Uniform dequantization of 8-bit data (Theis et al. 2016; RealNVP section 4.1). A pixel k ∈
 * {0..255} becomes v = k + u, u ~ U[0, 1) ({@link #noise}); a density p_V on [0, 256)ᴰ then
 * bounds the discrete likelihood, −log P(k) ≤ E_u[−log p_V(k + u)] (Jensen). The bijector part is
 * the rescaling to the unit cube the rest of the flow works on:
 * <pre>
 *   y = v / 256,    log |det ∂y/∂v| = −D · ln 256
 * </pre>
 * so the flow's NLL of v, in nats, gives bits/dim = NLL / (D · ln 2) directly.
 */
public final class Dequantization extends Bijector {
    public static final double LEVELS = 256;

    /** Images stored as k/255 in [0, 1] -> v = k + u in [0, 256), a new tensor of the same shape. */
    public static Tensor noise(Tensor x, RandomGenerator rng) {
        float[] in = x.data(), out = new float[in.length]; // same shape as x
        for (int i = 0; i < in.length; i++) {
            float v = in[i];
            if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException("Dequantization: value " + v + " at index " + i + " is outside [0, 1]");
            out[i] = (float) (Math.round(v * 255) + rng.nextDouble());
            if (out[i] >= LEVELS) out[i] = Math.nextDown((float) LEVELS);
        }
        return Tensor.of(out, x.shape());
    }

    /** Pixel values in [0, 1] of v ∈ [0, 256): floor(v)/255, the inverse of {@link #noise} up to u. */
    public static float toPixel(float v) {
        return (float) (Math.min(Math.max(Math.floor(v), 0), LEVELS - 1) / (LEVELS - 1));
    }

    @Override
    public Transformed forwardLogDet(Tensor v) {
        int d = v.numel() / v.size(0);
        return new Transformed(v.div((float) LEVELS), constantLogDet(v, -d * Math.log(LEVELS)));
    }

    @Override
    public Transformed inverseLogDet(Tensor y) {
        int d = y.numel() / y.size(0);
        return new Transformed(y.mul((float) LEVELS), constantLogDet(y, d * Math.log(LEVELS)));
    }
}
