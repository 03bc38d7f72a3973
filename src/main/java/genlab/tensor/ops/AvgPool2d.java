package genlab.tensor.ops;

import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/**
 * Average pooling: the mean of each window, padding counted as zeros (PyTorch's default
 * {@code count_include_pad=True}). Composed: each channel is convolved with a constant kernel of
 * 1/(kh·kw), so the gradient comes from {@link Conv2d}.
 */
public final class AvgPool2d {
    private AvgPool2d() {}

    public static Tensor apply(Tensor x, int[] kernel, int[] stride, int[] padding) {
        int[] xs = x.shape();
        if (xs.length != 4) throw new IllegalArgumentException("avg_pool2d: need (N, C, H, W), got " + Shapes.str(xs));
        Tensor w = Tensor.full(1f / (kernel[0] * kernel[1]), 1, 1, kernel[0], kernel[1]);
        Tensor y = Conv2d.apply(x.reshape(xs[0] * xs[1], 1, xs[2], xs[3]), w, stride, padding, new int[] {1, 1});
        return y.reshape(xs[0], xs[1], y.size(2), y.size(3));  // (N·C, 1, Ho, Wo) -> (N, C, Ho, Wo)
    }
}
