package genlab.models.vae;

import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

import java.util.random.RandomGenerator;

/**
 * The encoder's approximate posterior q(z|x) = N(z; μ, diag σ²), stored as μ and log σ²
 * ({@code logVar}), both (B, L).
 *
 * <p>Reparameterization (Kingma and Welling 2014, Section 2.4): a sample is written as a
 * deterministic, differentiable function of the parameters and parameter-free noise,
 * <pre>
 *   z = μ + σ ⊙ ε,   σ = exp(½ log σ²),   ε ~ N(0, I)
 * </pre>
 * so ∂z/∂μ = 1 and ∂z/∂σ = ε, and gradients of E_q[f(z)] flow through the sample.
 *
 * <p>KL divergence to the prior p(z) = N(0, I) in closed form (their Appendix B), per example:
 * <pre>
 *   KL(q ‖ p) = −½ Σⱼ (1 + log σⱼ² − μⱼ² − σⱼ²)
 * </pre>
 */
public record GaussianPosterior(Tensor mu, Tensor logVar) {
    private static final float LOG_2PI = (float) Math.log(2 * Math.PI);

    public GaussianPosterior {
        if (!Shapes.same(mu.shape(), logVar.shape()) || mu.dim() != 2) {
            throw new IllegalArgumentException("GaussianPosterior: mu " + Shapes.str(mu.shape()) + " and logVar "
                    + Shapes.str(logVar.shape()) + " must be the same (B, L) shape");
        }
    }

    /** σ = exp(½ log σ²), (B, L). */
    public Tensor std() {
        return logVar.mul(0.5f).exp();
    }

    /** Standard normal noise ε of the posterior's shape (B, L). */
    public Tensor noise(RandomGenerator rng) {
        return Tensor.randn(rng, mu.shape()); // (B, L)
    }

    /** z = μ + σ ⊙ ε for the given noise ε (B, L): differentiable in μ and log σ². */
    public Tensor sample(Tensor eps) {
        if (!Shapes.same(eps.shape(), mu.shape())) {
            throw new IllegalArgumentException("GaussianPosterior.sample: noise " + Shapes.str(eps.shape()) + " for mu " + Shapes.str(mu.shape()));
        }
        return mu.add(std().mul(eps)); // (B, L)
    }

    /** z = μ + σ ⊙ ε with fresh noise from {@code rng}. */
    public Tensor sample(RandomGenerator rng) {
        return sample(noise(rng));
    }

    /** KL(q(z|x) ‖ N(0, I)) per example, (B,): −½ Σⱼ (1 + log σⱼ² − μⱼ² − σⱼ²). */
    public Tensor klPerExample() {
        return logVar.add(1f).sub(mu.square()).sub(logVar.exp()).sum(1, false).mul(-0.5f); // (B,)
    }

    /** The KL summed over the batch (a scalar). */
    public Tensor kl() {
        return klPerExample().sum();
    }

    /** log q(z|x) per example, (B,): −½ Σⱼ ((zⱼ − μⱼ)²/σⱼ² + log σⱼ² + log 2π). */
    public Tensor logDensity(Tensor z) {
        return z.sub(mu).square().div(logVar.exp()).add(logVar).add(LOG_2PI).sum(1, false).mul(-0.5f); // (B,)
    }

    /** log N(z; 0, I) per example, (B,): −½ Σⱼ (zⱼ² + log 2π). */
    public static Tensor priorLogDensity(Tensor z) {
        return z.square().add(LOG_2PI).sum(1, false).mul(-0.5f); // (B,)
    }

    public int batch() {
        return mu.size(0);
    }

    public int latent() {
        return mu.size(1);
    }
}
