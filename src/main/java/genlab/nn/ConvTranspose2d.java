package genlab.nn;

import genlab.tensor.Tensor;

import java.util.random.RandomGenerator;

/**
 * Transposed convolution layer (the DCGAN generator's upsampler): W of shape (in, out, k, k) as
 * in PyTorch; x (N, in, H, W) -> (N, out, (H − 1)s − 2p + d(k − 1) + outputPadding + 1, ...).
 */
public final class ConvTranspose2d extends Module {
    public final Tensor weight;
    public final Tensor bias;
    private final int[] stride, padding, outputPadding, dilation;

    public ConvTranspose2d(int in, int out, int kernel, int stride, int padding, RandomGenerator rng) {
        this(in, out, kernel, stride, padding, 0, true, rng);
    }

    public ConvTranspose2d(int in, int out, int kernel, int stride, int padding, int outputPadding, boolean bias,
                           RandomGenerator rng) {
        // PyTorch computes fan_in from weight.size(1)·k·k = out·k·k for transposed convolutions.
        int fanIn = out * kernel * kernel;
        weight = param("weight", Init.torchDefault(Tensor.zeros(in, out, kernel, kernel), fanIn, rng)); // (in, out, k, k)
        this.bias = bias ? param("bias", Init.torchDefault(Tensor.zeros(out), fanIn, rng)) : null;
        this.stride = new int[] {stride, stride};
        this.padding = new int[] {padding, padding};
        this.outputPadding = new int[] {outputPadding, outputPadding};
        this.dilation = new int[] {1, 1};
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor y = genlab.tensor.ops.ConvTranspose2d.apply(x, weight, stride, padding, outputPadding, dilation);
        return bias == null ? y : y.add(bias.reshape(1, -1, 1, 1));
    }
}
