package genlab.models.vae;

import genlab.tensor.Shapes;
import genlab.tensor.Tensor;
import genlab.tensor.ops.BceWithLogits;

/**
 * The reconstruction term of the seed notes' VAE losses, summed over pixels, per example.
 *
 * <ul>
 *   <li>{@link #BCE}: Σᵢ −[xᵢ log x̂ᵢ + (1 − xᵢ) log(1 − x̂ᵢ)], the negative log-likelihood of a
 *       Bernoulli decoder p(x|z) = Πᵢ x̂ᵢ^xᵢ (1 − x̂ᵢ)^(1−xᵢ). For grey pixels (0 &lt; xᵢ &lt; 1) this is
 *       not a normalised density over [0, 1]: it is a cross-entropy whose minimum over x̂ is the
 *       binary entropy of x, not zero, so "nats" compare models, not true likelihoods. Logs are
 *       clamped at −100, as PyTorch's binary_cross_entropy does.</li>
 *   <li>{@link #MSE}: Σᵢ (xᵢ − x̂ᵢ)², which is −log p(x|z) up to a constant for a Gaussian decoder
 *       N(x; x̂, ½ I): −log p = Σᵢ (xᵢ − x̂ᵢ)² + (D/2) log π. The fixed variance ½ is what weighs
 *       the reconstruction against the KL in "MSE-sum + KL".</li>
 * </ul>
 *
 * <p>Training and evaluation use {@link #perExampleFromLogits}: with x̂ = σ(l), BCE is computed as
 * softplus(l) − x·l, since −ln σ(l) = softplus(−l) and −ln(1 − σ(l)) = softplus(l). Computing σ
 * first rounds x̂ to exactly 1 in float once l &gt; 17; ln(1 − x̂) is then −∞, the clamp hides it in
 * the value, but its gradient is 0·∞ = NaN (a 2-D latent model hit this in its 13th epoch). The
 * two forms agree to float rounding wherever PyTorch's clamp at −100 is not reached.
 */
public enum ReconstructionLoss {
    BCE, MSE;

    /** The per-example loss (B,) of reconstructions x̂ against images x, both (B, ...). */
    public Tensor perExample(Tensor xHat, Tensor x) {
        if (!Shapes.same(xHat.shape(), x.shape())) {
            throw new IllegalArgumentException("reconstruction loss " + name().toLowerCase() + ": reconstruction "
                    + Shapes.str(xHat.shape()) + " and images " + Shapes.str(x.shape()) + " differ in shape");
        }
        int b = x.size(0);
        Tensor terms = switch (this) {
            case BCE -> {
                Tensor logP = xHat.log().maximum(Tensor.scalar(-100f));
                Tensor log1mP = xHat.rsub(1f).log().maximum(Tensor.scalar(-100f));
                yield x.mul(logP).add(x.rsub(1f).mul(log1mP)).neg();
            }
            case MSE -> xHat.sub(x).square();
        };
        return terms.reshape(b, -1).sum(1, false); // (B, D) -> (B,)
    }

    /** The per-example loss (B,) of decoder logits l (x̂ = σ(l)) against images x, stable for any l. */
    public Tensor perExampleFromLogits(Tensor logits, Tensor x) {
        if (!Shapes.same(logits.shape(), x.shape())) {
            throw new IllegalArgumentException("reconstruction loss " + name().toLowerCase() + ": logits "
                    + Shapes.str(logits.shape()) + " and images " + Shapes.str(x.shape()) + " differ in shape");
        }
        Tensor terms = switch (this) {
            case BCE -> BceWithLogits.apply(logits, x);                      // softplus(l) − x·l, one fused op
            case MSE -> logits.sigmoid().sub(x).square();
        };
        return terms.reshape(x.size(0), -1).sum(1, false); // (B, D) -> (B,)
    }

    /** log p(x|z) per example (B,) from decoder logits (see {@link #logLikelihood}). */
    public Tensor logLikelihoodFromLogits(Tensor logits, Tensor x) {
        Tensor nll = perExampleFromLogits(logits, x);
        if (this == MSE) nll = nll.add((float) (0.5 * (x.numel() / x.size(0)) * Math.log(Math.PI)));
        return nll.neg();
    }

    /** The loss summed over the batch (a scalar), as the seed notes' reduction='sum'. */
    public Tensor sum(Tensor xHat, Tensor x) {
        return perExample(xHat, x).sum();
    }

    /**
     * log p(x|z) per example (B,) of the decoder this loss is the negative log-likelihood of:
     * −BCE for the Bernoulli decoder, −MSE − (D/2) log π for the Gaussian one with variance ½.
     */
    public Tensor logLikelihood(Tensor xHat, Tensor x) {
        Tensor nll = perExample(xHat, x);
        if (this == MSE) nll = nll.add((float) (0.5 * (x.numel() / x.size(0)) * Math.log(Math.PI)));
        return nll.neg();
    }

    /** Parses "bce" or "mse". */
    public static ReconstructionLoss parse(String s) {
        return switch (s.toLowerCase()) {
            case "bce" -> BCE;
            case "mse" -> MSE;
            default -> throw new IllegalArgumentException("unknown reconstruction loss '" + s + "' (bce or mse)");
        };
    }
}
