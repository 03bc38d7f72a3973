package genlab.models.gan;

import genlab.kernels.Backend;
import genlab.tensor.Tensor;

import java.util.List;

/**
 * The original WGAN's crude Lipschitz constraint (Arjovsky et al. 2017, Algorithm 1): after every
 * critic update, clamp each weight to [−c, c] (c = 0.01 in the paper). It bounds the Lipschitz
 * constant, but pushes weights to ±c and the critic towards overly simple functions, which is what
 * the gradient penalty was invented to fix.
 */
public final class WeightClipping {
    /** c = 0.01, the paper's value. */
    public static final float C = 0.01f;

    private WeightClipping() {}

    /** Clamps every element of every parameter to [−c, c], in place. */
    public static void apply(List<Tensor> params, float c) {
        if (!(c > 0)) throw new IllegalArgumentException("WeightClipping: c must be positive, got " + c);
        for (Tensor p : params) {
            float[] d = p.data();
            for (int i = 0; i < d.length; i++) d[i] = Math.max(-c, Math.min(c, d[i]));
            Backend.hostWrote(d);
        }
    }

    /** The share of weights sitting at ±c (a clipped critic drifts towards 1). */
    public static double shareAtBound(List<Tensor> params, float c) {
        long at = 0, all = 0;
        for (Tensor p : params) {
            for (float v : p.data()) if (Math.abs(v) >= c * 0.999f) at++;
            all += p.numel();
        }
        return all == 0 ? 0 : (double) at / all;
    }
}
