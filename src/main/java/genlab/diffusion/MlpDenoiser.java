package genlab.diffusion;

import genlab.nn.Linear;
import genlab.nn.Module;
import genlab.tensor.Tensor;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * ε_θ for 2-D points: an MLP on [x_t, sinusoid(t)] with SiLU,
 * <pre>
 *   h₀ = [x_t, emb(t)] (B, 2 + E),   hᵢ = SiLU(Wᵢ·[hᵢ₋₁, emb(t)] + bᵢ),   ε̂ = W_out·h_L + b_out
 * </pre>
 * The time embedding is fed to every hidden layer, so the net can change its field a lot from one
 * noise level to the next. Unconditional: labels are ignored.
 */
public final class MlpDenoiser extends Module implements EpsModel {
    private final Linear[] hidden;
    private final Linear out;
    private final int embDim;

    public MlpDenoiser(int width, int layers, int embDim, RandomGenerator rng) {
        this.embDim = embDim;
        hidden = new Linear[layers];
        for (int i = 0; i < layers; i++) hidden[i] = child("h" + i, new Linear((i == 0 ? 2 : width) + embDim, width, rng));
        out = child("out", new Linear(width, 2, rng));
    }

    @Override
    public Tensor forward(Tensor x) {
        throw new UnsupportedOperationException("MlpDenoiser needs time steps: call eps(x, t, labels)");
    }

    /** x_t (B, 2), t (B,) -> ε̂ (B, 2). */
    @Override
    public Tensor eps(Tensor x, int[] t, int[] labels) {
        if (x.dim() != 2 || x.size(1) != 2) throw new IllegalArgumentException("MlpDenoiser: expected (B, 2) points, got " + genlab.tensor.Shapes.str(x.shape()));
        Tensor emb = SinusoidalEmbedding.of(t, embDim);                                  // (B, E)
        Tensor h = x;
        for (Linear l : hidden) h = l.forward(Tensor.concat(List.of(h, emb), 1)).silu(); // (B, width)
        return out.forward(h);                                                          // (B, 2)
    }
}
