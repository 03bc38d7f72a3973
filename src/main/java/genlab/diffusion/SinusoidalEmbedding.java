package genlab.diffusion;

import genlab.tensor.Tensor;

/**
 * The Transformer's sinusoidal position encoding used for the diffusion time step (Vaswani et al.
 * 2017; Ho et al. 2020, appendix B): for dimension d = 2h,
 * <pre>
 *   emb(t)[i]     = sin(t·ωᵢ),   emb(t)[h + i] = cos(t·ωᵢ),   ωᵢ = 10000^(−i/(h − 1)),  i = 0 … h − 1
 * </pre>
 * so nearby steps get similar vectors at the low frequencies and distinct ones at the high.
 * Not trained: a constant input to the network's time MLP.
 */
public final class SinusoidalEmbedding {
    private SinusoidalEmbedding() {}

    /** (B,) time steps -> (B, dim) embeddings; dim must be even and at least 4. */
    public static Tensor of(int[] t, int dim) {
        if (dim < 4 || dim % 2 != 0) throw new IllegalArgumentException("SinusoidalEmbedding: dim must be even and >= 4, got " + dim);
        int h = dim / 2;
        float[] out = new float[t.length * dim]; // (B, dim)
        for (int b = 0; b < t.length; b++) {
            for (int i = 0; i < h; i++) {
                double w = Math.exp(-Math.log(10000) * i / (h - 1));
                out[b * dim + i] = (float) Math.sin(t[b] * w);
                out[b * dim + h + i] = (float) Math.cos(t[b] * w);
            }
        }
        return Tensor.of(out, t.length, dim);
    }
}
