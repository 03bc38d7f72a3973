package genlab.tensor.ops;

import genlab.kernels.ConvGeometry;
import genlab.tensor.Tensor;

/**
 * The adjoint of {@link Conv2d} in its input: gx = Cᵀ(gy, w), the transposed convolution.
 * For every G of x's shape, ⟨Cᵀ(gy, w), G⟩ = ⟨gy, C(G, w)⟩, hence ∂/∂gy = C(G, w) and
 * ∂/∂w = {@link Conv2dWeightGrad}(G, gy).
 */
public final class Conv2dInputGrad {
    private Conv2dInputGrad() {}

    /** gy (N, Cout, Ho, Wo), w (Cout, Cin, kh, kw) -> (N, Cin, H, W). */
    public static Tensor apply(Tensor gy, Tensor w, ConvGeometry g) {
        float[] gx = new float[g.batch() * g.inChannels() * g.inH() * g.inW()];
        Ops.k().conv2dInputGrad(g, gy.data(), w.data(), gx);
        return Tensor.fromOp(gx, new int[] {g.batch(), g.inChannels(), g.inH(), g.inW()}, "conv2d_input_grad",
                (G, out) -> new Tensor[] {
                    gy.requiresGrad() ? Conv2d.apply(G, w, g) : null,
                    w.requiresGrad() ? Conv2dWeightGrad.apply(G, gy, g) : null}, gy, w);
    }
}
