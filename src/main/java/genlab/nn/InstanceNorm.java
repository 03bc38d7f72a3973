package genlab.nn;

/**
 * Instance normalisation (Ulyanov et al. 2016): each sample's channel normalised over its own H, W,
 * i.e. {@link GroupNorm} with one channel per group. Not affine by default, as PyTorch's
 * InstanceNorm2d; the WGAN-GP critic uses it in place of batch norm, whose cross-sample coupling
 * breaks the per-sample gradient penalty.
 */
public final class InstanceNorm extends GroupNorm {
    public InstanceNorm(int channels) {
        this(channels, false);
    }

    public InstanceNorm(int channels, boolean affine) {
        super(channels, channels, 1e-5f, affine);
    }
}
