package genlab.tensor.ops;

import genlab.tensor.Autograd;
import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/**
 * Binary cross-entropy on logits, elementwise, as one fused op:
 * <pre>
 *   ℓ = softplus(l) − x·l = −[x ln σ(l) + (1 − x) ln(1 − σ(l))]
 *   ∂ℓ/∂l = σ(l) − x        ∂ℓ/∂x = −l
 * </pre>
 * (−ln σ(l) = softplus(−l) and −ln(1 − σ(l)) = softplus(l), and softplus(−l) = softplus(l) − l.)
 * The composed form {@code l.softplus().sub(x.mul(l))} gives the same values and gradients (it is
 * what this op computes when the backward pass is itself recorded, so second derivatives still
 * work); fused, the forward pass is one kernel call ({@link genlab.kernels.Kernels#bceWithLogits})
 * that also stores σ(l) − x, and the backward pass is one product with the incoming gradient,
 * instead of about ten passes over the arrays.
 */
public final class BceWithLogits {
    private BceWithLogits() {}

    /** ℓ (same shape as the inputs) of logits l against targets x; both must have the same shape. */
    public static Tensor apply(Tensor logits, Tensor target) {
        if (!Shapes.same(logits.shape(), target.shape())) {
            throw new IllegalArgumentException("bce_with_logits: logits " + Shapes.str(logits.shape()) + " and targets "
                    + Shapes.str(target.shape()) + " differ in shape");
        }
        int n = logits.numel();
        int[] shape = logits.shape();
        float[] loss = new float[n];
        float[] dl = Autograd.isGradEnabled() && logits.requiresGrad() ? new float[n] : null;  // σ(l) − x
        Ops.k().bceWithLogits(logits.data(), target.data(), loss, dl, n);
        return Tensor.fromOp(loss, shape, "bce_with_logits", (g, out) -> {
            Tensor gl = null, gx = null;
            if (logits.requiresGrad()) {
                // recorded (create graph): σ(l) − x as ops, so the gradient can be differentiated again
                gl = Autograd.isGradEnabled() || dl == null ? g.mul(logits.sigmoid().sub(target)) : g.mul(Tensor.of(dl, shape));
            }
            if (target.requiresGrad()) gx = g.mul(logits).neg();
            return new Tensor[] {gl, gx};
        }, logits, target);
    }
}
