package genlab.tensor.ops;

import genlab.tensor.Tensor;

import java.util.random.RandomGenerator;

/**
 * Inverted dropout: y = x · m / (1 − p) with m ~ Bernoulli(1 − p), so E[y] = x and evaluation
 * needs no rescaling. ∂y/∂x = m / (1 − p).
 */
public final class Dropout {
    private Dropout() {}

    public static Tensor apply(Tensor x, float p, RandomGenerator rng) {
        if (p < 0 || p >= 1) throw new IllegalArgumentException("dropout: p must be in [0, 1), got " + p);
        if (p == 0) return x;
        float keep = 1 - p;
        float[] m = new float[x.numel()];
        for (int i = 0; i < m.length; i++) m[i] = rng.nextFloat() < keep ? 1 / keep : 0f;
        return x.mul(Tensor.of(m, x.shape()));
    }
}
