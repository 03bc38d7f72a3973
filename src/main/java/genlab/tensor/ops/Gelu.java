package genlab.tensor.ops;

import genlab.tensor.Tensor;

/**
 * z = x·Φ(x), the exact GELU, with Φ(x) = ½(1 + erf(x/√2)) the standard normal CDF.
 * ∂z/∂x = Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
 */
public final class Gelu {
    private static final float INV_SQRT2 = (float) (1 / Math.sqrt(2));
    private static final float INV_SQRT_2PI = (float) (1 / Math.sqrt(2 * Math.PI));

    private Gelu() {}

    /** Φ(x), differentiable. */
    static Tensor cdf(Tensor x) {
        return Erf.apply(x.mul(INV_SQRT2)).add(1f).mul(0.5f);
    }

    public static Tensor apply(Tensor x) {
        Tensor phi;
        try (var ng = genlab.tensor.Autograd.noGrad()) {
            phi = x.mul(cdf(x));
        }
        return Tensor.fromOp(phi.data(), x.shape(), "gelu", (g, out) -> {
            Tensor pdf = x.square().mul(-0.5f).exp().mul(INV_SQRT_2PI);
            return new Tensor[] {g.mul(cdf(x).add(x.mul(pdf)))};
        }, x);
    }
}
