package genlab.diffusion;

import genlab.tensor.Tensor;

import java.util.random.RandomGenerator;

/**
 * The forward (noising) process of DDPM (Ho et al. 2020, eq. 2 and 4):
 * <pre>
 *   q(x_t | x_{t−1}) = N(x_t; √(1 − β_t)·x_{t−1}, β_t·I)                 one step
 *   q(x_t | x_0)     = N(x_t; √ᾱ_t·x_0, (1 − ᾱ_t)·I)                    closed form
 *   x_t = √ᾱ_t·x_0 + √(1 − ᾱ_t)·ε,  ε ~ N(0, I)                          reparameterised
 *   x_0 = (x_t − √(1 − ᾱ_t)·ε)/√ᾱ_t                                      its inverse
 * </pre>
 * Tensors are (B, ...) with one time step per example; nothing here is trained, so these work on
 * the raw arrays and return tensors outside any graph.
 */
public final class ForwardProcess {
    private final NoiseSchedule schedule;

    public ForwardProcess(NoiseSchedule schedule) {
        this.schedule = schedule;
    }

    public NoiseSchedule schedule() {
        return schedule;
    }

    /** x_t = √ᾱ_t·x_0 + √(1 − ᾱ_t)·ε for each example b at its own t[b] (0 gives x_0). */
    public Tensor sample(Tensor x0, int[] t, Tensor eps) {
        return combine(x0, eps, t, true);
    }

    /** One step of the chain: x_t = √(1 − β_t)·x_{t−1} + √β_t·z. */
    public Tensor step(Tensor xPrev, int t, Tensor z) {
        float a = (float) Math.sqrt(1 - schedule.beta(t)), b = (float) Math.sqrt(schedule.beta(t));
        float[] x = xPrev.data(), n = z.data(), out = new float[x.length]; // same shape as x_{t−1}
        for (int i = 0; i < x.length; i++) out[i] = a * x[i] + b * n[i];
        return Tensor.of(out, xPrev.shape());
    }

    /** x̂_0 = (x_t − √(1 − ᾱ_t)·ε)/√ᾱ_t: the clean data implied by a noise (prediction). */
    public Tensor x0FromEps(Tensor xt, int[] t, Tensor eps) {
        return combine(xt, eps, t, false);
    }

    private Tensor combine(Tensor x, Tensor eps, int[] t, boolean forward) {
        int b = x.size(0);
        if (t.length != b) throw new IllegalArgumentException("ForwardProcess: " + t.length + " time steps for a batch of " + b);
        if (eps.numel() != x.numel()) throw new IllegalArgumentException("ForwardProcess: noise has " + eps.numel() + " values, data " + x.numel());
        int per = x.numel() / b;
        float[] xs = x.data(), e = eps.data(), out = new float[xs.length]; // same shape as x
        for (int i = 0; i < b; i++) {
            double ab = schedule.alphaBar(t[i]);
            float sa = (float) Math.sqrt(ab), s1 = (float) Math.sqrt(1 - ab);
            for (int j = i * per; j < (i + 1) * per; j++) {
                out[j] = forward ? sa * xs[j] + s1 * e[j] : (xs[j] - s1 * e[j]) / sa;
            }
        }
        return Tensor.of(out, x.shape());
    }

    /** Fresh N(0, I) noise of {@code x}'s shape. */
    public static Tensor noiseLike(Tensor x, RandomGenerator rng) {
        return Tensor.randn(rng, x.shape());
    }
}
