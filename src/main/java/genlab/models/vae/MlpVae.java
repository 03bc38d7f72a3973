package genlab.models.vae;

import genlab.nn.Linear;
import genlab.tensor.Tensor;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The seed notes' fully connected VAE (the PyTorch examples' VAE), for MNIST D = 784, H = 400, L = 20:
 * <pre>
 *   encoder:  h = ReLU(fc1 x),   μ = fc21 h,   log σ² = fc22 h        x (B, D) -> h (B, H) -> (B, L), (B, L)
 *   decoder:  x̂ = sigmoid(fc4 ReLU(fc3 z))                            z (B, L) -> (B, H) -> (B, D)
 * </pre>
 * Images (B, C, H, W) are flattened to D = C·H·W on the way in and reshaped on the way out. The
 * parameter names (fc1, fc21, fc22, fc3, fc4) are those of the PyTorch example.
 *
 * <p>Deeper variants take the hidden widths H₁ … H_n: the encoder D → H₁ → … → H_n (ReLU after each)
 * → μ, log σ², and the decoder mirrors it, L → H_n → … → H₁ (ReLU) → D. The extra layers are named
 * fc1_1 … (encoder) and fc3_1 … (decoder), so n = 1 is the seed model, parameter for parameter.
 */
public final class MlpVae extends Vae {
    private final int[] image;
    private final int latent;
    private final int[] hidden;
    private final Linear[] encoder, decoder; // encoder[0] = fc1, decoder[0] = fc3
    private final Linear fc21, fc22, fc4;

    /** The MNIST model: 784-400-L. */
    public MlpVae(int latent, RandomGenerator rng) {
        this(new int[] {1, 28, 28}, 400, latent, rng);
    }

    /** Images of shape (C, H, W), H hidden units, L latent dimensions. */
    public MlpVae(int[] imageShape, int hidden, int latent, RandomGenerator rng) {
        this(imageShape, new int[] {hidden}, latent, rng);
    }

    /** Images of shape (C, H, W), hidden widths H₁ … H_n (encoder order; the decoder reverses them), L latent dimensions. */
    public MlpVae(int[] imageShape, int[] hidden, int latent, RandomGenerator rng) {
        if (imageShape.length != 3 || hidden.length == 0 || Arrays.stream(hidden).anyMatch(h -> h < 1) || latent < 1) {
            throw new IllegalArgumentException("MlpVae: image shape must be (C, H, W), at least one hidden layer, hidden and latent sizes positive; got image "
                    + Arrays.toString(imageShape) + ", hidden " + Arrays.toString(hidden) + ", latent " + latent);
        }
        this.image = imageShape.clone();
        this.hidden = hidden.clone();
        this.latent = latent;
        int d = image[0] * image[1] * image[2], n = hidden.length;
        // created in the seed model's order (fc1, fc21, fc22, fc3, fc4), so n = 1 draws the same initial weights
        encoder = new Linear[n];
        for (int i = 0; i < n; i++) {
            encoder[i] = child(i == 0 ? "fc1" : "fc1_" + i, new Linear(i == 0 ? d : hidden[i - 1], hidden[i], rng));
        }
        fc21 = child("fc21", new Linear(hidden[n - 1], latent, rng));
        fc22 = child("fc22", new Linear(hidden[n - 1], latent, rng));
        decoder = new Linear[n];
        for (int i = 0; i < n; i++) {
            decoder[i] = child(i == 0 ? "fc3" : "fc3_" + i, new Linear(i == 0 ? latent : hidden[n - i], hidden[n - 1 - i], rng));
        }
        fc4 = child("fc4", new Linear(hidden[0], d, rng));
    }

    @Override
    public GaussianPosterior encode(Tensor x) {
        checkImages(x);
        Tensor h = x.reshape(x.size(0), -1); // (B, C, H, W) -> (B, D)
        for (Linear layer : encoder) h = layer.forward(h).relu(); // -> (B, H₁) -> … -> (B, H_n)
        return new GaussianPosterior(fc21.forward(h), fc22.forward(h)); // (B, L), (B, L)
    }

    @Override
    public Tensor decodeLogits(Tensor z) {
        checkLatent(z);
        Tensor h = z;
        for (Linear layer : decoder) h = layer.forward(h).relu(); // (B, L) -> (B, H_n) -> … -> (B, H₁)
        return fc4.forward(h).reshape(z.size(0), image[0], image[1], image[2]); // (B, D) -> (B, C, H, W), logits
    }

    /** The hidden widths H₁ … H_n, encoder order. */
    public int[] hidden() {
        return hidden.clone();
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
