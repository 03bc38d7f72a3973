package genlab.tensor.ops;

import genlab.kernels.ConvGeometry;
import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/**
 * 2-D convolution (cross-correlation, as in PyTorch), no bias:
 * y[n, o, i, j] = Σ_{c, p, q} x[n, c, i·s − pad + p·d, j·s − pad + q·d] · w[o, c, p, q].
 *
 * <p>y is bilinear in (x, w), so both gradients are its adjoints: ∂/∂x is
 * {@link Conv2dInputGrad} (the transposed convolution) and ∂/∂w is {@link Conv2dWeightGrad}.
 * The three ops differentiate into each other, so any order of derivative is available.
 */
public final class Conv2d {
    private Conv2d() {}

    /** x (N, Cin, H, W), w (Cout, Cin, kh, kw); stride, padding, dilation as {h, w} pairs. */
    public static Tensor apply(Tensor x, Tensor w, int[] stride, int[] padding, int[] dilation) {
        int[] xs = x.shape(), ws = w.shape();
        if (xs.length != 4 || ws.length != 4) throw new IllegalArgumentException("conv2d: need x (N, C, H, W) and w (Cout, Cin, kh, kw), got " + Shapes.str(xs) + " and " + Shapes.str(ws));
        if (xs[1] != ws[1]) throw new IllegalArgumentException("conv2d: input has " + xs[1] + " channels but weight " + Shapes.str(ws) + " expects " + ws[1]);
        ConvGeometry g = ConvGeometry.of(xs[0], xs[1], xs[2], xs[3], ws[0], ws[2], ws[3],
                stride[0], stride[1], padding[0], padding[1], dilation[0], dilation[1]);
        if (g.outH() <= 0 || g.outW() <= 0) throw new IllegalArgumentException("conv2d: input " + Shapes.str(xs) + " is smaller than the kernel " + Shapes.str(ws) + " allows (output " + g.outH() + "x" + g.outW() + ")");
        return apply(x, w, g);
    }

    /** The forward pass for a known geometry (also the gradient of the two adjoint ops). */
    static Tensor apply(Tensor x, Tensor w, ConvGeometry g) {
        float[] y = new float[g.batch() * g.outChannels() * g.outH() * g.outW()];
        Ops.k().conv2d(g, x.data(), w.data(), y);
        return Tensor.fromOp(y, new int[] {g.batch(), g.outChannels(), g.outH(), g.outW()}, "conv2d",
                (gy, out) -> new Tensor[] {
                    x.requiresGrad() ? Conv2dInputGrad.apply(gy, w, g) : null,
                    w.requiresGrad() ? Conv2dWeightGrad.apply(x, gy, g) : null}, x, w);
    }
}
