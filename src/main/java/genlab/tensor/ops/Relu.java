package genlab.tensor.ops;

import genlab.kernels.Unary;
import genlab.tensor.Tensor;

/** z = max(x, 0). ∂z/∂x = [x &gt; 0]. */
public final class Relu {
    private Relu() {}

    public static Tensor apply(Tensor x) {
        return Tensor.fromOp(Ops.unary(Unary.RELU, x), x.shape(), "relu",
                (g, out) -> new Tensor[] {g.mul(Ops.constant(Unary.STEP, x))}, x);
    }
}
