package genlab.diffusion;

import genlab.tensor.Tensor;

import java.util.random.RandomGenerator;

/**
 * DDIM sampling (Song, Meng and Ermon 2021, eq. 12) over a subsequence τ of the time steps:
 * <pre>
 *   x_{τ_{i−1}} = √ᾱ_{τ_{i−1}}·x̂_0 + √(1 − ᾱ_{τ_{i−1}} − σ²)·ε_θ(x_{τ_i}, τ_i) + σ·z
 *   σ = η·√((1 − ᾱ_{τ_{i−1}})/(1 − ᾱ_{τ_i}))·√(1 − ᾱ_{τ_i}/ᾱ_{τ_{i−1}})
 * </pre>
 * η = 0 is deterministic (the same x_T always gives the same sample) and stays good with a few
 * dozen steps, because the model trained for DDPM is reused as is; η = 1 is DDPM's ancestral step.
 */
public final class DdimSampler extends Sampler {
    private final double eta;

    public DdimSampler(NoiseSchedule schedule, int steps, double eta) {
        super(schedule, steps);
        if (eta < 0) throw new IllegalArgumentException("DdimSampler: η must be >= 0, got " + eta);
        this.eta = eta;
    }

    @Override
    protected Tensor step(Tensor xt, Tensor eps, Tensor x0Hat, int t, int prev, RandomGenerator rng) {
        double abT = schedule.alphaBar(t), abPrev = schedule.alphaBar(prev);
        double sigma = eta * Math.sqrt((1 - abPrev) / (1 - abT)) * Math.sqrt(1 - abT / abPrev);
        float a = (float) Math.sqrt(abPrev);
        // ε consistent with the (clipped) x̂_0, so that x_prev stays on the model's path.
        float sa = (float) Math.sqrt(abT), s1 = (float) Math.sqrt(1 - abT);
        float c = (float) Math.sqrt(Math.max(0, 1 - abPrev - sigma * sigma));
        float[] x = xt.data(), x0 = x0Hat.data(), out = new float[x.length]; // same shape as x_t
        for (int i = 0; i < x.length; i++) {
            float e = (x[i] - sa * x0[i]) / s1;
            out[i] = a * x0[i] + c * e + (sigma > 0 && prev > 0 ? (float) (sigma * rng.nextGaussian()) : 0f);
        }
        return Tensor.of(out, xt.shape());
    }
}
