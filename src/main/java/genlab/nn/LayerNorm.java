package genlab.nn;

import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/**
 * Layer normalisation (Ba et al. 2016) over the trailing axes {@code normalizedShape}:
 * y = (x − μ)/√(σ² + ε)·γ + β, statistics per sample, γ and β of shape normalizedShape.
 */
public final class LayerNorm extends Module {
    public final Tensor weight, bias;
    private final int[] normalizedShape;
    private final float eps;

    public LayerNorm(int... normalizedShape) {
        this(normalizedShape, 1e-5f);
    }

    public LayerNorm(int[] normalizedShape, float eps) {
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        weight = param("weight", Tensor.ones(normalizedShape));
        bias = param("bias", Tensor.zeros(normalizedShape));
    }

    @Override
    public Tensor forward(Tensor x) {
        int[] s = x.shape();
        int k = normalizedShape.length;
        boolean ok = s.length >= k;
        for (int i = 0; ok && i < k; i++) ok = s[s.length - k + i] == normalizedShape[i];
        if (!ok) throw new IllegalArgumentException("LayerNorm" + Shapes.str(normalizedShape) + ": input " + Shapes.str(s) + " does not end in that shape");
        int[] axes = new int[k];
        for (int i = 0; i < k; i++) axes[i] = s.length - k + i;
        Tensor xHat = x.sub(x.mean(axes, true)).div(x.var(axes, true, 0).add(eps).sqrt());
        return xHat.mul(weight).add(bias);
    }
}
