package genlab.tensor.ops;

import genlab.kernels.Unary;
import genlab.tensor.Tensor;

/** z = ln x. ∂z/∂x = 1/x. */
public final class Log {
    private Log() {}

    public static Tensor apply(Tensor x) {
        return Tensor.fromOp(Ops.unary(Unary.LOG, x), x.shape(), "log", (g, out) -> new Tensor[] {g.div(x)}, x);
    }
}
