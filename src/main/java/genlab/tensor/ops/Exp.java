package genlab.tensor.ops;

import genlab.kernels.Unary;
import genlab.tensor.Tensor;

/** z = eˣ. ∂z/∂x = eˣ = z. */
public final class Exp {
    private Exp() {}

    public static Tensor apply(Tensor x) {
        return Tensor.fromOp(Ops.unary(Unary.EXP, x), x.shape(), "exp", (g, out) -> new Tensor[] {g.mul(out)}, x);
    }
}
