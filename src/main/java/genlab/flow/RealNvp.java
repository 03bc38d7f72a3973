package genlab.flow;

import genlab.nn.Module;
import genlab.tensor.Autograd;
import genlab.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * RealNVP (Dinh, Sohl-Dickstein and Bengio 2017): a bijector f from data x to latent z with a
 * standard normal prior, trained by exact maximum likelihood through the change of variables
 * <pre>
 *   log p(x) = log N(f(x); 0, I) + log |det ∂f/∂x|
 *            = −½ ‖z‖² − (D/2) log 2π + Σ_layers log |det ∂h_k/∂h_{k−1}|
 * </pre>
 * and sampled by x = f⁻¹(z), z ~ N(0, T² I) at temperature T (T = 1 is the model; T < 1 trades
 * diversity for cleaner samples, as in Glow).
 *
 * <p>{@link #twoD} builds the flow for 2-D points (couplings with alternating masks and MLPs);
 * {@link #images} builds the multi-scale image flow of the paper: dequantization, logit,
 * then per scale 3 checkerboard couplings, a squeeze, 3 channel couplings and a factor-out of half
 * the channels, and 4 checkerboard couplings at the last scale.
 */
public final class RealNvp extends Module {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private final FlowChain flow;
    private final int[] dataShape; // without the batch axis

    public RealNvp(FlowChain flow, int... dataShape) {
        this.flow = child("flow", flow);
        this.dataShape = dataShape.clone();
    }

    public FlowChain flow() {
        return flow;
    }

    public int dims() {
        int d = 1;
        for (int s : dataShape) d *= s;
        return d;
    }

    /** Flow for 2-D points: {@code couplings} affine couplings with alternating masks, each an MLP of {@code layers} hidden layers. */
    public static RealNvp twoD(int couplings, int hidden, int layers, RandomGenerator rng) {
        List<Bijector> layersList = new ArrayList<>();
        for (int k = 0; k < couplings; k++) {
            layersList.add(new AffineCoupling(Masks.alternating(2, k % 2), CouplingNets.mlp(2, hidden, layers, rng)));
        }
        return new RealNvp(new FlowChain(layersList), 2);
    }

    /**
     * The multi-scale flow for images of shape (c, h, w) with values v ∈ [0, 256) (dequantized
     * pixels): {@code scales} scales, coupling networks of {@code features} channels and
     * {@code layers} hidden convolutions, an ActNorm before each coupling.
     */
    public static RealNvp images(int c, int h, int w, int scales, int features, int layers, double alpha, RandomGenerator rng) {
        FlowChain chain = new FlowChain(new Dequantization(), new Logit(alpha));
        chain.add(scale(c, h, w, scales, features, layers, rng));
        return new RealNvp(chain, c, h, w);
    }

    private static Bijector scale(int c, int h, int w, int scalesLeft, int features, int layers, RandomGenerator rng) {
        List<Bijector> b = new ArrayList<>();
        boolean last = scalesLeft <= 1 || h % 2 != 0 || w % 2 != 0;
        int checkers = last ? 4 : 3;
        for (int k = 0; k < checkers; k++) {
            b.add(new ActNorm(c, 4));
            b.add(new AffineCoupling(Masks.checkerboard(c, h, w, k % 2), CouplingNets.conv(c, features, layers, rng)));
        }
        if (last) {
            b.add(new Flatten(c, h, w));
            return new FlowChain(b);
        }
        b.add(new Squeeze());
        int c4 = 4 * c, h2 = h / 2, w2 = w / 2;
        for (int k = 0; k < 3; k++) {
            b.add(new ActNorm(c4, 4));
            b.add(new AffineCoupling(Masks.channels(c4, h2, w2, k % 2), CouplingNets.conv(c4, features, layers, rng)));
        }
        b.add(new FactorOut(c4, h2, w2, scale(c4 - c4 / 2, h2, w2, scalesLeft - 1, 2 * features, layers, rng)));
        return new FlowChain(b);
    }

    /** log N(z; 0, I) per example: (B, D) -> (B). */
    public static Tensor standardNormalLogProb(Tensor z) {
        int d = z.numel() / z.size(0);
        return Bijector.sumPerExample(z.square()).mul(-0.5f).sub((float) (0.5 * d * LOG_2PI));
    }

    /** log p(x) per example, in nats: (B, ...) -> (B). */
    public Tensor logProb(Tensor x) {
        Transformed t = flow.forwardLogDet(x);
        return standardNormalLogProb(t.value()).add(t.logDet());
    }

    /** The mean negative log-likelihood of the batch, in nats per example: the training loss. */
    public Tensor nll(Tensor x) {
        return logProb(x).mean().neg();
    }

    /** {@code n} samples x = f⁻¹(T·ε), ε ~ N(0, I), shape (n, ...data shape). */
    public Tensor sample(int n, double temperature, RandomGenerator rng) {
        int[] shape = new int[] {n, dims()};
        try (var ng = Autograd.noGrad()) {
            Tensor z = Tensor.randn(rng, shape).mul((float) temperature); // (n, D)
            return flow.inverse(z);
        }
    }

    /** x = f⁻¹(z) for given latents z (n, D), e.g. points on a latent interpolation. */
    public Tensor sampleFrom(Tensor z) {
        try (var ng = Autograd.noGrad()) {
            return flow.inverse(z);
        }
    }

    @Override
    public Tensor forward(Tensor x) {
        return logProb(x);
    }
}
