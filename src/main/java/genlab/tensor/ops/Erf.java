package genlab.tensor.ops;

import genlab.kernels.Unary;
import genlab.tensor.Tensor;

/** z = erf x = 2/√π ∫₀ˣ e^(−t²) dt. ∂z/∂x = 2/√π · e^(−x²). */
public final class Erf {
    private static final float TWO_OVER_SQRT_PI = (float) (2 / Math.sqrt(Math.PI));

    private Erf() {}

    public static Tensor apply(Tensor x) {
        return Tensor.fromOp(Ops.unary(Unary.ERF, x), x.shape(), "erf",
                (g, out) -> new Tensor[] {g.mul(x.square().neg().exp().mul(TWO_OVER_SQRT_PI))}, x);
    }
}
