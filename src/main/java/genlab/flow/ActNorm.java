package genlab.flow;

import genlab.kernels.Backend;
import genlab.tensor.Tensor;

/**
 * Activation normalisation (Glow, Kingma and Dhariwal 2018): a per-channel affine map
 * <pre>
 *   z = (x + b) ⊙ exp(log s),    log |det ∂z/∂x| = (H·W) Σ_c log s_c    (H·W = 1 for vectors)
 *   x = z ⊙ exp(−log s) − b
 * </pre>
 * with b and log s set from the first training batch so that z has zero mean and unit variance
 * per channel (data-dependent initialisation), then trained as ordinary parameters. Unlike batch
 * norm it does not depend on the batch after that, so forward and inverse agree in any mode.
 */
public final class ActNorm extends Bijector {
    private final Tensor bias;    // (1, C, 1, ...)
    private final Tensor logScale; // (1, C, 1, ...)
    private final Tensor initialized; // (1): 0 until the first training batch set b and log s
    private final int channels;

    /** {@code dims} is 2 for (B, C) inputs, 4 for (B, C, H, W). */
    public ActNorm(int channels, int dims) {
        this.channels = channels;
        int[] s = new int[dims];
        java.util.Arrays.fill(s, 1);
        s[1] = channels;
        bias = param("bias", Tensor.zeros(s));
        logScale = param("log_scale", Tensor.zeros(s));
        initialized = buffer("initialized", Tensor.zeros(1));
    }

    /** Sets b and log s so that this batch comes out with zero mean and unit variance per channel. */
    public void initFrom(Tensor x) {
        int b = x.size(0), inner = x.numel() / (b * channels);
        float[] d = x.data(), bias = this.bias.data(), ls = logScale.data();
        for (int c = 0; c < channels; c++) {
            double sum = 0, sq = 0;
            for (int n = 0; n < b; n++)
                for (int k = 0; k < inner; k++) {
                    double v = d[(n * channels + c) * inner + k];
                    sum += v;
                    sq += v * v;
                }
            int count = b * inner;
            double mean = sum / count, var = Math.max(sq / count - mean * mean, 0);
            bias[c] = (float) -mean;
            ls[c] = (float) -Math.log(Math.sqrt(var) + 1e-6);
        }
        Backend.hostWrote(bias);
        Backend.hostWrote(ls);
        initialized.data()[0] = 1;
    }

    private int spatial(Tensor x) {
        if (x.dim() != bias.dim() || x.size(1) != channels) {
            throw new IllegalArgumentException("ActNorm(" + channels + " channels): input " + genlab.tensor.Shapes.str(x.shape()) + " does not fit");
        }
        return x.numel() / (x.size(0) * channels);
    }

    @Override
    public Transformed forwardLogDet(Tensor x) {
        int hw = spatial(x);
        if (initialized.data()[0] == 0 && isTraining()) initFrom(x);
        Tensor z = x.add(bias).mul(logScale.exp());
        Tensor logDet = logScale.sum().mul((float) hw).broadcastTo(x.size(0));
        return new Transformed(z, logDet);
    }

    @Override
    public Transformed inverseLogDet(Tensor z) {
        int hw = spatial(z);
        Tensor x = z.mul(logScale.neg().exp()).sub(bias);
        Tensor logDet = logScale.sum().mul((float) -hw).broadcastTo(z.size(0));
        return new Transformed(x, logDet);
    }
}
