package genlab.nn;

import genlab.tensor.Tensor;

import java.util.random.RandomGenerator;

/**
 * 2-D convolution layer: y = conv(x, W) + b, W of shape (out, in, k, k); x (N, in, H, W) ->
 * (N, out, Ho, Wo) with Ho = ⌊(H + 2p − d(k − 1) − 1)/s⌋ + 1.
 */
public final class Conv2d extends Module {
    public final Tensor weight;
    public final Tensor bias;
    private final int[] stride, padding, dilation;

    public Conv2d(int in, int out, int kernel, int stride, int padding, RandomGenerator rng) {
        this(in, out, kernel, stride, padding, 1, true, rng);
    }

    public Conv2d(int in, int out, int kernel, int stride, int padding, int dilation, boolean bias, RandomGenerator rng) {
        int fanIn = in * kernel * kernel;
        weight = param("weight", Init.torchDefault(Tensor.zeros(out, in, kernel, kernel), fanIn, rng)); // (out, in, k, k)
        this.bias = bias ? param("bias", Init.torchDefault(Tensor.zeros(out), fanIn, rng)) : null;
        this.stride = new int[] {stride, stride};
        this.padding = new int[] {padding, padding};
        this.dilation = new int[] {dilation, dilation};
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor y = genlab.tensor.ops.Conv2d.apply(x, weight, stride, padding, dilation);
        return bias == null ? y : y.add(bias.reshape(1, -1, 1, 1)); // (N, out, Ho, Wo)
    }
}
