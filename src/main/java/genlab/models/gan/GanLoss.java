package genlab.models.gan;

import genlab.nn.Losses;
import genlab.tensor.Tensor;

/**
 * The four GAN objectives, written on the discriminator's raw score s = D(x) (a logit for the first
 * two; D's probability is σ(s)). Each returns the mean over the batch, to be minimised.
 *
 * <p>Goodfellow et al. (2014) define the game min_G max_D V(D, G) with
 * V = E_x[ln D(x)] + E_z[ln(1 − D(G(z)))]. For a fixed G the best discriminator is
 * D*(x) = p_data(x) / (p_data(x) + p_g(x)), and then V = 2·JS(p_data ‖ p_g) − ln 4.
 * <pre>
 *   MINIMAX         L_D = −E ln σ(s_real) − E ln(1 − σ(s_fake))      L_G =  E ln(1 − σ(s_fake))
 *   NON_SATURATING  L_D = the same                                     L_G = −E ln σ(s_fake)
 *   LEAST_SQUARES   L_D = ½E (s_real − 1)² + ½E s_fake²                L_G = ½E (s_fake − 1)²     (Mao et al. 2017)
 *   WASSERSTEIN     L_D = E s_fake − E s_real                          L_G = −E s_fake            (Arjovsky et al. 2017)
 * </pre>
 * The minimax L_G saturates: ∂L_G/∂s = −σ(s), which vanishes when D confidently rejects the fakes
 * (early in training); the non-saturating L_G has ∂L_G/∂s = −(1 − σ(s)) ≈ −1 there. Both are
 * decreasing in σ(s), and at D ≡ ½ their gradients coincide, so they share fixed points.
 * The logs are computed stably from logits: −ln σ(s) = softplus(−s), −ln(1 − σ(s)) = softplus(s).
 * The Wasserstein critic must be kept (roughly) 1-Lipschitz: {@link GradientPenalty} or
 * {@link WeightClipping}.
 */
public enum GanLoss {
    MINIMAX("minimax"),
    NON_SATURATING("non-saturating"),
    LEAST_SQUARES("least-squares"),
    WASSERSTEIN("wasserstein");

    private final String key;

    GanLoss(String key) {
        this.key = key;
    }

    /** The command-line name: {@code minimax}, {@code non-saturating}, {@code least-squares}, {@code wasserstein}. */
    public String key() {
        return key;
    }

    /** The loss called {@code key}; an unknown name is an {@link IllegalArgumentException} listing the choices. */
    public static GanLoss byKey(String key) {
        for (GanLoss l : values()) if (l.key.equals(key)) return l;
        throw new IllegalArgumentException("unknown GAN loss '" + key + "': expected one of minimax, non-saturating, least-squares, wasserstein");
    }

    /** L_D from the scores of a real batch (B, 1) and a fake batch (B', 1). */
    public Tensor discriminatorLoss(Tensor realScores, Tensor fakeScores) {
        switch (this) {
            case MINIMAX:
            case NON_SATURATING:
                return realScores.neg().softplus().mean().add(fakeScores.softplus().mean());
            case LEAST_SQUARES:
                return realScores.sub(1f).square().mean().mul(0.5f).add(fakeScores.square().mean().mul(0.5f));
            default:
                return fakeScores.mean().sub(realScores.mean());
        }
    }

    /** L_G from the discriminator's scores of the generated batch (B, 1). */
    public Tensor generatorLoss(Tensor fakeScores) {
        switch (this) {
            case MINIMAX:
                return fakeScores.softplus().mean().neg();         // E ln(1 − σ(s)) = −E softplus(s)
            case NON_SATURATING:
                return fakeScores.neg().softplus().mean();         // −E ln σ(s) = E softplus(−s)
            case LEAST_SQUARES:
                return fakeScores.sub(1f).square().mean().mul(0.5f);
            default:
                return fakeScores.mean().neg();
        }
    }

    /** D's probability that a score is real, σ(s); for the Wasserstein and least-squares scores it is only a read-out. */
    public boolean hasProbabilities() {
        return this == MINIMAX || this == NON_SATURATING;
    }

    /**
     * The seed notes' discriminator loss on probabilities (a sigmoid at the end of D, then
     * PyTorch's {@code BCELoss}): BCE(D(x), 1) + BCE(D(G(z)), 0), logs clamped at −100.
     */
    public static Tensor seedDiscriminatorLoss(Tensor pReal, Tensor pFake) {
        return Losses.bce(pReal, Tensor.ones(pReal.shape())).add(Losses.bce(pFake, Tensor.zeros(pFake.shape())));
    }

    /** The seed notes' generator loss on probabilities: BCE(D(G(z)), 1), i.e. the non-saturating −E ln D(G(z)). */
    public static Tensor seedGeneratorLoss(Tensor pFake) {
        return Losses.bce(pFake, Tensor.ones(pFake.shape()));
    }
}
