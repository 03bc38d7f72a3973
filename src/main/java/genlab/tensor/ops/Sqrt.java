package genlab.tensor.ops;

import genlab.kernels.Unary;
import genlab.tensor.Tensor;

/** z = √x. ∂z/∂x = 1/(2√x) = 1/(2z). */
public final class Sqrt {
    private Sqrt() {}

    public static Tensor apply(Tensor x) {
        return Tensor.fromOp(Ops.unary(Unary.SQRT, x), x.shape(), "sqrt", (g, out) -> new Tensor[] {g.div(out.mul(2f))}, x);
    }
}
