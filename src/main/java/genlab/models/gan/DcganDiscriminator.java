package genlab.models.gan;

import genlab.nn.Activation;
import genlab.nn.BatchNorm2d;
import genlab.nn.Conv2d;
import genlab.nn.InstanceNorm;
import genlab.nn.LayerNorm;
import genlab.nn.Module;
import genlab.nn.Sequential;
import genlab.tensor.Tensor;

import java.util.random.RandomGenerator;

/**
 * The DCGAN discriminator for 32x32 single-channel images, as in the seed notes:
 * <pre>
 *   x (B, 1, 32, 32) -> Conv(1, d, 4, 2, 1)      LeakyReLU(0.2)   (B, d, 16, 16)
 *                    -> Conv(d, 2d, 4, 2, 1)  N  LeakyReLU(0.2)   (B, 2d, 8, 8)
 *                    -> Conv(2d, 4d, 4, 2, 1) N  LeakyReLU(0.2)   (B, 4d, 4, 4)
 *                    -> Conv(4d, 1, 4, 1, 0)     [Sigmoid]         (B, 1, 1, 1) -> (B, 1)
 * </pre>
 * N is batch norm in DCGAN. A WGAN-GP critic must not use batch norm (the penalty is per sample,
 * batch norm couples the samples of a batch), so {@link Norm} offers layer norm over (C, H, W)
 * (the WGAN-GP paper's choice) and instance norm; a critic has no sigmoid. No conv biases where a
 * norm follows; the last conv keeps none either, as in the seed. Initialised N(0, 0.02²).
 */
public final class DcganDiscriminator extends Module {
    /** The normalisation after the second and third convolutions. */
    public enum Norm {
        BATCH, LAYER, INSTANCE, NONE;

        /** {@code batch}, {@code layer}, {@code instance}, {@code none}. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public final int width;
    public final Norm norm;
    public final boolean sigmoid;
    private final Sequential net;

    public DcganDiscriminator(int width, Norm norm, boolean sigmoid, RandomGenerator rng) {
        this(width, norm, sigmoid, true, rng);
    }

    /** {@code dcganInit} false keeps PyTorch's default initialisation. */
    public DcganDiscriminator(int width, Norm norm, boolean sigmoid, boolean dcganInit, RandomGenerator rng) {
        this.width = width;
        this.norm = norm;
        this.sigmoid = sigmoid;
        int d = width;
        boolean bias = norm == Norm.NONE;
        Sequential s = new Sequential(
                new Conv2d(1, d, 4, 2, 1, 1, false, rng), Activation.leakyRelu(0.2f),
                new Conv2d(d, 2 * d, 4, 2, 1, 1, bias, rng), norm(norm, 2 * d, 8), Activation.leakyRelu(0.2f),
                new Conv2d(2 * d, 4 * d, 4, 2, 1, 1, bias, rng), norm(norm, 4 * d, 4), Activation.leakyRelu(0.2f),
                new Conv2d(4 * d, 1, 4, 1, 0, 1, false, rng));
        if (sigmoid) s.add(Activation.sigmoid());
        net = child("net", s);
        if (dcganInit) DcganGenerator.dcganInit(this, rng);
    }

    /** x (B, 1, 32, 32) -> score (B, 1). */
    @Override
    public Tensor forward(Tensor x) {
        if (x.dim() != 4 || x.size(1) != 1 || x.size(2) != 32 || x.size(3) != 32) {
            throw new IllegalArgumentException("DcganDiscriminator: expected (B, 1, 32, 32), got " + genlab.tensor.Shapes.str(x.shape()));
        }
        return net.forward(x).reshape(x.size(0), 1);
    }

    private static Module norm(Norm norm, int channels, int size) {
        switch (norm) {
            case BATCH: return new BatchNorm2d(channels);
            case LAYER: return new LayerNorm(channels, size, size);
            case INSTANCE: return new InstanceNorm(channels, true);
            default: return new Sequential();
        }
    }
}
