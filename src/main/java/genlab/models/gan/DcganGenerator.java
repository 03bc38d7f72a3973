package genlab.models.gan;

import genlab.nn.Activation;
import genlab.nn.BatchNorm;
import genlab.nn.BatchNorm2d;
import genlab.nn.ConvTranspose2d;
import genlab.nn.Init;
import genlab.nn.Module;
import genlab.nn.Sequential;
import genlab.tensor.Tensor;

import java.util.random.RandomGenerator;

/**
 * The DCGAN generator (Radford et al. 2016) for 32x32 single-channel images, as in the seed notes:
 * <pre>
 *   z (B, nz, 1, 1) -> ConvT(nz, 4g, 4, 1, 0) BN ReLU   (B, 4g, 4, 4)
 *                   -> ConvT(4g, 2g, 4, 2, 1) BN ReLU   (B, 2g, 8, 8)
 *                   -> ConvT(2g, g, 4, 2, 1)  BN ReLU   (B, g, 16, 16)
 *                   -> ConvT(g, 1, 4, 2, 1)   Tanh      (B, 1, 32, 32)
 * </pre>
 * No biases (batch norm cancels them); weights N(0, 0.02²), batch-norm γ ~ N(1, 0.02²), β = 0, the
 * paper's initialisation. The seed uses g = 64.
 */
public final class DcganGenerator extends Module {
    public final int nz, width;
    private final Sequential net;

    public DcganGenerator(int nz, int width, RandomGenerator rng) {
        this(nz, width, true, rng);
    }

    /**
     * {@code dcganInit} false keeps PyTorch's default initialisation (U(±1/√fan_in)). At small
     * widths N(0, 0.02²) makes G's output nearly constant at first (pre-tanh standard deviation
     * about 0.02·√(2·width) ≈ 0.08 at width 8, against 0.23 at the paper's 64), and G spends its first
     * hundreds of steps growing its last layer.
     */
    public DcganGenerator(int nz, int width, boolean dcganInit, RandomGenerator rng) {
        this.nz = nz;
        this.width = width;
        int g = width;
        net = child("net", new Sequential(
                new ConvTranspose2d(nz, 4 * g, 4, 1, 0, 0, false, rng), new BatchNorm2d(4 * g), Activation.relu(),
                new ConvTranspose2d(4 * g, 2 * g, 4, 2, 1, 0, false, rng), new BatchNorm2d(2 * g), Activation.relu(),
                new ConvTranspose2d(2 * g, g, 4, 2, 1, 0, false, rng), new BatchNorm2d(g), Activation.relu(),
                new ConvTranspose2d(g, 1, 4, 2, 1, 0, false, rng), Activation.tanh()));
        if (dcganInit) dcganInit(this, rng);
    }

    /** z (B, nz) or (B, nz, 1, 1) -> (B, 1, 32, 32) in [−1, 1]. */
    @Override
    public Tensor forward(Tensor z) {
        return net.forward(z.reshape(z.size(0), nz, 1, 1));
    }

    /** DCGAN's weights_init: every conv weight N(0, 0.02²); batch-norm γ ~ N(1, 0.02²), β = 0. */
    static void dcganInit(Module m, RandomGenerator rng) {
        for (Module c : m.children().values()) {
            if (c instanceof BatchNorm) {
                BatchNorm bn = (BatchNorm) c;
                Init.normal(bn.weight, 0.02f, rng);
                float[] w = bn.weight.data();
                for (int i = 0; i < w.length; i++) w[i] += 1;
                genlab.kernels.Backend.hostWrote(w);
                Init.constant(bn.bias, 0);
            } else if (c instanceof ConvTranspose2d) {
                Init.normal(((ConvTranspose2d) c).weight, 0.02f, rng);
            } else if (c instanceof genlab.nn.Conv2d) {
                Init.normal(((genlab.nn.Conv2d) c).weight, 0.02f, rng);
            } else {
                dcganInit(c, rng);
            }
        }
    }
}
