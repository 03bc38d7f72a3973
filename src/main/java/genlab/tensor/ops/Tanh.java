package genlab.tensor.ops;

import genlab.kernels.Unary;
import genlab.tensor.Tensor;

/** z = tanh x. ∂z/∂x = 1 − z². */
public final class Tanh {
    private Tanh() {}

    public static Tensor apply(Tensor x) {
        return Tensor.fromOp(Ops.unary(Unary.TANH, x), x.shape(), "tanh",
                (g, out) -> new Tensor[] {g.mul(out.square().rsub(1f))}, x);
    }
}
