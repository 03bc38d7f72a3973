package genlab.tensor.ops;

import genlab.kernels.ConvGeometry;
import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/**
 * Max pooling per channel: y = max of each (dilated) window. The kernel also returns where each
 * maximum came from, so y is a {@link Gather} of x, and ∂/∂x is the gradient scattered back to the
 * winners ({@link ScatterAdd}).
 */
public final class MaxPool2d {
    private MaxPool2d() {}

    public static Tensor apply(Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation) {
        int[] xs = x.shape();
        if (xs.length != 4) throw new IllegalArgumentException("max_pool2d: need (N, C, H, W), got " + Shapes.str(xs));
        for (int a = 0; a < 2; a++) {
            if (padding[a] * 2 > kernel[a]) throw new IllegalArgumentException("max_pool2d: padding " + padding[a] + " must be at most half the kernel size " + kernel[a]);
        }
        ConvGeometry g = ConvGeometry.of(xs[0], xs[1], xs[2], xs[3], xs[1], kernel[0], kernel[1],
                stride[0], stride[1], padding[0], padding[1], dilation[0], dilation[1]);
        int n = g.batch() * g.inChannels() * g.outH() * g.outW();
        float[] y = new float[n];
        int[] argmax = new int[n];
        Ops.k().maxPool2d(g, x.data(), y, argmax);
        return Tensor.fromOp(y, new int[] {g.batch(), g.inChannels(), g.outH(), g.outW()}, "max_pool2d",
                (gy, out) -> new Tensor[] {ScatterAdd.apply(gy, argmax, xs)}, x);
    }
}
