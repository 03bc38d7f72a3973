package genlab.tensor.ops;

import genlab.kernels.ConvGeometry;
import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/**
 * Transposed convolution, as PyTorch's {@code conv_transpose2d}: the adjoint of the convolution
 * that maps an input of the output's size back to x's size. With weight layout
 * (Cin, Cout, kh, kw), the output size per axis is
 * {@code (H − 1)·s − 2·pad + d·(k − 1) + outputPadding + 1}.
 *
 * <p>It is exactly {@link Conv2dInputGrad} for that convolution, so it needs no gradient code of
 * its own.
 */
public final class ConvTranspose2d {
    private ConvTranspose2d() {}

    public static Tensor apply(Tensor x, Tensor w, int[] stride, int[] padding, int[] outputPadding, int[] dilation) {
        int[] xs = x.shape(), ws = w.shape();
        if (xs.length != 4 || ws.length != 4) throw new IllegalArgumentException("conv_transpose2d: need x (N, C, H, W) and w (Cin, Cout, kh, kw), got " + Shapes.str(xs) + " and " + Shapes.str(ws));
        if (xs[1] != ws[0]) throw new IllegalArgumentException("conv_transpose2d: input has " + xs[1] + " channels but weight " + Shapes.str(ws) + " expects " + ws[0]);
        for (int a = 0; a < 2; a++) {
            if (outputPadding[a] < 0 || outputPadding[a] >= Math.max(stride[a], dilation[a])) {
                throw new IllegalArgumentException("conv_transpose2d: output padding " + outputPadding[a] + " must be smaller than stride or dilation");
            }
        }
        int outH = (xs[2] - 1) * stride[0] - 2 * padding[0] + dilation[0] * (ws[2] - 1) + outputPadding[0] + 1;
        int outW = (xs[3] - 1) * stride[1] - 2 * padding[1] + dilation[1] * (ws[3] - 1) + outputPadding[1] + 1;
        if (outH <= 0 || outW <= 0) throw new IllegalArgumentException("conv_transpose2d: output would be " + outH + "x" + outW);
        // The convolution this is the adjoint of: input (N, Cout, outH, outW) -> output (N, Cin, H, W).
        ConvGeometry g = new ConvGeometry(xs[0], ws[1], outH, outW, ws[0], ws[2], ws[3],
                stride[0], stride[1], padding[0], padding[1], dilation[0], dilation[1], xs[2], xs[3]);
        return Conv2dInputGrad.apply(x, w, g);
    }
}
