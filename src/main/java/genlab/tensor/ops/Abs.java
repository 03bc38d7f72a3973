package genlab.tensor.ops;

import genlab.kernels.Unary;
import genlab.tensor.Tensor;

/** z = |x|. ∂z/∂x = sign(x) (0 at 0, as in PyTorch). */
public final class Abs {
    private Abs() {}

    public static Tensor apply(Tensor x) {
        return Tensor.fromOp(Ops.unary(Unary.ABS, x), x.shape(), "abs",
                (g, out) -> new Tensor[] {g.mul(Ops.constant(Unary.SIGN, x))}, x);
    }
}
