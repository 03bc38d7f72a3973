package genlab.models.vae;

import genlab.nn.Module;
import genlab.tensor.Tensor;

/**
 * A variational autoencoder (Kingma and Welling 2014): an encoder q_φ(z|x) = N(μ_φ(x), diag σ²_φ(x))
 * ({@link #encode}), a decoder p_θ(x|z) whose mean x̂ = f_θ(z) lies in (0, 1) ({@link #decode}),
 * and the prior p(z) = N(0, I). Trained by maximising the ELBO ({@link Elbo}); new images are
 * decoded from prior samples, z ~ N(0, I).
 *
 * <p>{@link #forward} reconstructs through the posterior mean: x̂ = f_θ(μ_φ(x)).
 */
public abstract class Vae extends Module {
    /** q(z|x) for images x (B, C, H, W). */
    public abstract GaussianPosterior encode(Tensor x);

    /** The decoder's logits l (B, C, H, W) for latent codes z (B, L); the mean is x̂ = sigmoid(l). */
    public abstract Tensor decodeLogits(Tensor z);

    /** The decoder mean x̂ = sigmoid(l) (B, C, H, W), values in (0, 1), for latent codes z (B, L). */
    public Tensor decode(Tensor z) {
        return decodeLogits(z).sigmoid();
    }

    /** L, the size of a latent code. */
    public abstract int latentDim();

    /** The image shape (C, H, W) the model reads and writes. */
    public abstract int[] imageShape();

    @Override
    public Tensor forward(Tensor x) {
        return decode(encode(x).mu());
    }

    /** Checks that x is (B, C, H, W) of this model's image shape. */
    protected final void checkImages(Tensor x) {
        int[] s = imageShape();
        if (x.dim() != 4 || x.size(1) != s[0] || x.size(2) != s[1] || x.size(3) != s[2]) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": images " + genlab.tensor.Shapes.str(x.shape())
                    + ", expected (B, " + s[0] + ", " + s[1] + ", " + s[2] + ")");
        }
    }

    /** Checks that z is (B, L). */
    protected final void checkLatent(Tensor z) {
        if (z.dim() != 2 || z.size(1) != latentDim()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": latent codes " + genlab.tensor.Shapes.str(z.shape())
                    + ", expected (B, " + latentDim() + ")");
        }
    }
}
