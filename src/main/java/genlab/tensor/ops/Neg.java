package genlab.tensor.ops;

import genlab.kernels.Unary;
import genlab.tensor.Tensor;

/** z = −x. ∂z/∂x = −1. */
public final class Neg {
    private Neg() {}

    public static Tensor apply(Tensor x) {
        return Tensor.fromOp(Ops.unary(Unary.NEG, x), x.shape(), "neg", (g, out) -> new Tensor[] {g.neg()}, x);
    }
}
