package genlab.tensor.ops;

import genlab.kernels.ConvGeometry;
import genlab.tensor.Tensor;

/**
 * The adjoint of {@link Conv2d} in its weight: gw = W(x, gy). For every G of w's shape,
 * ⟨W(x, gy), G⟩ = ⟨gy, C(x, G)⟩ = ⟨x, Cᵀ(gy, G)⟩, hence ∂/∂x = {@link Conv2dInputGrad}(gy, G)
 * and ∂/∂gy = C(x, G).
 */
public final class Conv2dWeightGrad {
    private Conv2dWeightGrad() {}

    /** x (N, Cin, H, W), gy (N, Cout, Ho, Wo) -> (Cout, Cin, kh, kw). */
    public static Tensor apply(Tensor x, Tensor gy, ConvGeometry g) {
        float[] gw = new float[g.outChannels() * g.inChannels() * g.kH() * g.kW()];
        Ops.k().conv2dWeightGrad(g, x.data(), gy.data(), gw);
        return Tensor.fromOp(gw, new int[] {g.outChannels(), g.inChannels(), g.kH(), g.kW()}, "conv2d_weight_grad",
                (G, out) -> new Tensor[] {
                    x.requiresGrad() ? Conv2dInputGrad.apply(gy, G, g) : null,
                    gy.requiresGrad() ? Conv2d.apply(x, G, g) : null}, x, gy);
    }
}
