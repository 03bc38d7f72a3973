package genlab.models.vae;

import genlab.nn.Linear;
import genlab.tensor.Tensor;

import java.util.random.RandomGenerator;

/**
 * The seed notes' fully connected VAE (the PyTorch examples' VAE), for MNIST D = 784, H = 400, L = 20:
 * <pre>
 *   encoder:  h = ReLU(fc1 x),   μ = fc21 h,   log σ² = fc22 h        x (B, D) -> h (B, H) -> (B, L), (B, L)
 *   decoder:  x̂ = sigmoid(fc4 ReLU(fc3 z))                            z (B, L) -> (B, H) -> (B, D)
 * </pre>
 * Images (B, C, H, W) are flattened to D = C·H·W on the way in and reshaped on the way out. The
 * parameter names (fc1, fc21, fc22, fc3, fc4) are those of the PyTorch example.
 */
public final class MlpVae extends Vae {
    private final int[] image;
    private final int latent;
    private final Linear fc1, fc21, fc22, fc3, fc4;

    /** The MNIST model: 784-400-L. */
    public MlpVae(int latent, RandomGenerator rng) {
        this(new int[] {1, 28, 28}, 400, latent, rng);
    }

    /** Images of shape (C, H, W), H hidden units, L latent dimensions. */
    public MlpVae(int[] imageShape, int hidden, int latent, RandomGenerator rng) {
        if (imageShape.length != 3 || hidden < 1 || latent < 1) {
            throw new IllegalArgumentException("MlpVae: image shape must be (C, H, W), hidden and latent sizes positive");
        }
        this.image = imageShape.clone();
        this.latent = latent;
        int d = image[0] * image[1] * image[2];
        fc1 = child("fc1", new Linear(d, hidden, rng));
        fc21 = child("fc21", new Linear(hidden, latent, rng));
        fc22 = child("fc22", new Linear(hidden, latent, rng));
        fc3 = child("fc3", new Linear(latent, hidden, rng));
        fc4 = child("fc4", new Linear(hidden, d, rng));
    }

    @Override
    public GaussianPosterior encode(Tensor x) {
        checkImages(x);
        Tensor h = fc1.forward(x.reshape(x.size(0), -1)).relu(); // (B, C, H, W) -> (B, D) -> (B, hidden)
        return new GaussianPosterior(fc21.forward(h), fc22.forward(h)); // (B, L), (B, L)
    }

    @Override
    public Tensor decodeLogits(Tensor z) {
        checkLatent(z);
        Tensor h = fc3.forward(z).relu(); // (B, L) -> (B, hidden)
        return fc4.forward(h).reshape(z.size(0), image[0], image[1], image[2]); // (B, D) -> (B, C, H, W), logits
    }

    @Override
    public int latentDim() {
        return latent;
    }

    @Override
    public int[] imageShape() {
        return image.clone();
    }
}
