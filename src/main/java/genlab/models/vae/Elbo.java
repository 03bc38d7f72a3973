package genlab.models.vae;

import genlab.tensor.Tensor;

import java.util.random.RandomGenerator;

/**
 * The VAE's training loss, the negative evidence lower bound, summed over a batch:
 * <pre>
 *   log p(x) ≥ ELBO(x) = E_{q(z|x)}[log p(x|z)] − KL(q(z|x) ‖ p(z))
 *   loss = Σ_b [ R(x̂_b, x_b) + β · KL(q(z|x_b) ‖ N(0, I)) ],   x̂_b = decode(μ_b + σ_b ⊙ ε_b)
 * </pre>
 * R is the reconstruction term ({@link ReconstructionLoss}: the seed notes' BCE-sum or MSE-sum),
 * estimated with one reparameterized sample per example; the KL is in closed form
 * ({@link GaussianPosterior#klPerExample}). β = 1 is the VAE; β &gt; 1 the β-VAE (Higgins et al. 2017),
 * which trades reconstruction for a latent code closer to the prior. With β = 1 and BCE,
 * {@code total} / B is the negative ELBO in nats per digit. R is computed from the decoder's logits
 * ({@link ReconstructionLoss#perExampleFromLogits}), which keeps its gradient finite when x̂ saturates.
 *
 * @param total          R + β·KL summed over the batch (the scalar to minimise)
 * @param reconstruction R summed over the batch
 * @param kl             KL summed over the batch
 */
public record Elbo(Tensor total, Tensor reconstruction, Tensor kl) {

    /** The loss of {@code vae} on images x (B, C, H, W), with reparameterization noise ε (B, L). */
    public static Elbo loss(Vae vae, Tensor x, ReconstructionLoss r, double beta, Tensor eps) {
        GaussianPosterior q = vae.encode(x);
        Tensor z = q.sample(eps);                      // (B, L)
        Tensor rec = r.perExampleFromLogits(vae.decodeLogits(z), x).sum(); // logits (B, C, H, W)
        Tensor kl = q.kl();
        return new Elbo(rec.add(kl.mul((float) beta)), rec, kl);
    }

    /** As above with fresh noise ε ~ N(0, I) from {@code rng}. */
    public static Elbo loss(Vae vae, Tensor x, ReconstructionLoss r, double beta, RandomGenerator rng) {
        GaussianPosterior q = vae.encode(x);
        Tensor rec = r.perExampleFromLogits(vae.decodeLogits(q.sample(rng)), x).sum(); // logits (B, C, H, W)
        Tensor kl = q.kl();
        return new Elbo(rec.add(kl.mul((float) beta)), rec, kl);
    }
}
