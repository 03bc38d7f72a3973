package genlab.diffusion;

import genlab.tensor.Tensor;

import java.util.random.RandomGenerator;

/**
 * DDPM sampling, Algorithm 2 of Ho et al. 2020:
 * <pre>
 *   x_T ~ N(0, I)
 *   for t = T, …, 1:   z ~ N(0, I) if t &gt; 1 else z = 0
 *     x_{t−1} = (x_t − β_t/√(1 − ᾱ_t)·ε_θ(x_t, t))/√α_t + σ_t·z
 * </pre>
 * written as the posterior mean μ̃_t(x_t, x̂_0) ({@link Posterior}) with σ_t² = β̃_t, which is the same
 * mean when x̂_0 is not clipped. With S &lt; T steps the chain is respaced (Nichol and Dhariwal 2021,
 * §4): the visited steps τ get their own β'_i = 1 − ᾱ_{τ_i}/ᾱ_{τ_{i−1}}, which keeps every ᾱ.
 */
public final class AncestralSampler extends Sampler {
    public AncestralSampler(NoiseSchedule schedule, int steps) {
        super(schedule, steps);
    }

    @Override
    protected Tensor step(Tensor xt, Tensor eps, Tensor x0Hat, int t, int prev, RandomGenerator rng) {
        double abT = schedule.alphaBar(t), abPrev = schedule.alphaBar(prev);
        double betaT = 1 - abT / abPrev, alphaT = 1 - betaT;                   // respaced β'
        float cX0 = (float) (Math.sqrt(abPrev) * betaT / (1 - abT));
        float cXt = (float) (Math.sqrt(alphaT) * (1 - abPrev) / (1 - abT));
        float sigma = (float) Math.sqrt((1 - abPrev) / (1 - abT) * betaT);     // √β̃
        float[] x = xt.data(), x0 = x0Hat.data(), out = new float[x.length];   // same shape as x_t
        for (int i = 0; i < x.length; i++) {
            out[i] = cX0 * x0[i] + cXt * x[i] + (prev > 0 ? sigma * (float) rng.nextGaussian() : 0f);
        }
        return Tensor.of(out, xt.shape());
    }
}
