package genlab.kernels;

/**
 * Sizes of one 2-D convolution (or pooling window), shared by the forward and both adjoint kernels.
 *
 * <p>Output size per axis, as in PyTorch: {@code out = ⌊(in + 2·pad − dil·(k − 1) − 1) / stride⌋ + 1}.
 */
public record ConvGeometry(int batch, int inChannels, int inH, int inW,
                           int outChannels, int kH, int kW,
                           int strideH, int strideW, int padH, int padW, int dilH, int dilW,
                           int outH, int outW) {

    /** The geometry with output sizes computed from the formula above. */
    public static ConvGeometry of(int batch, int inChannels, int inH, int inW, int outChannels, int kH, int kW,
                                  int strideH, int strideW, int padH, int padW, int dilH, int dilW) {
        int outH = outSize(inH, kH, strideH, padH, dilH);
        int outW = outSize(inW, kW, strideW, padW, dilW);
        return new ConvGeometry(batch, inChannels, inH, inW, outChannels, kH, kW, strideH, strideW, padH, padW,
                dilH, dilW, outH, outW);
    }

    /** ⌊(in + 2·pad − dil·(k − 1) − 1) / stride⌋ + 1. */
    public static int outSize(int in, int k, int stride, int pad, int dil) {
        return Math.floorDiv(in + 2 * pad - dil * (k - 1) - 1, stride) + 1;
    }

    /** Multiply-adds of the forward pass (each is 2 FLOPs). */
    public long macs() {
        return (long) batch * outChannels * outH * outW * inChannels * kH * kW;
    }
}
