package genlab.optim;

import genlab.kernels.Kernels;
import genlab.tensor.Tensor;

import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba 2015, Algorithm 1): m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g²,
 * m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ), θ ← θ − η·m̂/(√v̂ + ε).
 *
 * <p>On the first step m̂ = g and v̂ = g², so each parameter moves by η·g/(|g| + ε) ≈ η·sign(g).
 * Weight decay is the classic L2 term added to g; {@link AdamW} decouples it (Loshchilov and
 * Hutter 2019).
 */
public class Adam extends Optimizer {
    private final float beta1, beta2, eps, weightDecay;
    private final boolean decoupled;
    private final float[][] m, v;

    public Adam(List<Tensor> params, double lr) {
        this(params, lr, 0.9, 0.999);
    }

    public Adam(List<Tensor> params, double lr, double beta1, double beta2) {
        this(params, lr, beta1, beta2, 1e-8, 0, false);
    }

    protected Adam(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay, boolean decoupled) {
        super(params, lr);
        if (beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1) throw new IllegalArgumentException("Adam: betas must be in [0, 1), got (" + beta1 + ", " + beta2 + ")");
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.eps = (float) eps;
        this.weightDecay = (float) weightDecay;
        this.decoupled = decoupled;
        m = new float[this.params.size()][];
        v = new float[this.params.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = new float[this.params.get(i).numel()];
            v[i] = new float[this.params.get(i).numel()];
        }
    }

    @Override
    protected void update(Kernels k, int i, float[] p, float[] g) {
        float bc1 = (float) (1 - Math.pow(beta1, steps));
        float bc2 = (float) (1 - Math.pow(beta2, steps));
        k.adamStep(p, g, m[i], v[i], p.length, (float) lr, beta1, beta2, eps, weightDecay, decoupled, bc1, bc2);
    }

    @Override
    protected void buffers(Map<String, Tensor> out) {
        for (int i = 0; i < m.length; i++) {
            int[] shape = params.get(i).shape();
            out.put(i + ".exp_avg", Tensor.of(m[i], shape));
            out.put(i + ".exp_avg_sq", Tensor.of(v[i], shape));
        }
    }
}
