package genlab.kernels.cpu;

import genlab.kernels.Unary;

/**
 * Plain-Java {@link Pointwise}: the unary functions are left to {@link Elementwise} (which
 * matches the reference bit for bit), and the fused loss is the reference's formula in double
 * with e^−|l| computed once for both the softplus and the sigmoid, and ln(1 + e) by Goldberg's
 * identity ln(u)·e/(u − 1), u = 1 + e (a few double ulps, against {@code Math.log1p}'s much
 * slower software routine).
 */
final class ScalarPointwise implements Pointwise {

    @Override
    public boolean unary(Unary op, float[] x, float[] out, int n) {
        return false;
    }

    @Override
    public void bceWithLogits(float[] logits, float[] target, float[] loss, float[] grad, int n) {
        for (int i = 0; i < n; i++) {
            double l = logits[i], x = target[i];
            double e = Math.exp(-Math.abs(l)), u = 1 + e;               // e in (0, 1]
            double log1pE = u == 1 ? e : Math.log(u) * e / (u - 1);
            loss[i] = (float) ((l >= 0 ? 1 - x : -x) * l + log1pE);    // the reference's cancellation-free form
            if (grad != null) grad[i] = (float) ((l >= 0 ? 1 / u : e / u) - x);
        }
    }

    @Override
    public int firstNonFinite(float[] x, int n) {
        return genlab.kernels.Kernels.firstNonFiniteReference(x, n);
    }
}
