package genlab.optim;

import genlab.tensor.Tensor;

import java.util.List;

/** Adam with decoupled weight decay (Loshchilov and Hutter 2019): θ ← θ − ηλθ before the Adam step. Default λ = 0.01. */
public final class AdamW extends Adam {
    public AdamW(List<Tensor> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 0.01);
    }

    public AdamW(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay) {
        super(params, lr, beta1, beta2, eps, weightDecay, true);
    }
}
