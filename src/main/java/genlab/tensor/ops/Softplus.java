package genlab.tensor.ops;

import genlab.kernels.Unary;
import genlab.tensor.Tensor;

/** z = ln(1 + eˣ), computed as max(x, 0) + ln(1 + e^−|x|) so it never overflows. ∂z/∂x = σ(x). */
public final class Softplus {
    private Softplus() {}

    public static Tensor apply(Tensor x) {
        return Tensor.fromOp(Ops.unary(Unary.SOFTPLUS, x), x.shape(), "softplus",
                (g, out) -> new Tensor[] {g.mul(x.sigmoid())}, x);
    }
}
