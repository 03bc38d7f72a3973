package genlab.tensor.ops;

import genlab.kernels.Unary;
import genlab.tensor.Tensor;

/** z = σ(x) = 1/(1 + e⁻ˣ). ∂z/∂x = z(1 − z). */
public final class Sigmoid {
    private Sigmoid() {}

    public static Tensor apply(Tensor x) {
        return Tensor.fromOp(Ops.unary(Unary.SIGMOID, x), x.shape(), "sigmoid",
                (g, out) -> new Tensor[] {g.mul(out).mul(out.rsub(1f))}, x);
    }
}
