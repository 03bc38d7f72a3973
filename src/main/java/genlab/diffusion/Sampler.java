package genlab.diffusion;

import genlab.tensor.Autograd;
import genlab.tensor.Tensor;

import java.util.random.RandomGenerator;

/**
 * Draws samples by running a reverse process from x_T ~ N(0, I) through a decreasing subsequence
 * τ_S &gt; … &gt; τ_1 of the time steps 1..T (all of them when S = T). Subclasses define one reverse step.
 *
 * <p>Each step first forms the network's estimate of the clean data,
 * x̂_0 = (x_t − √(1 − ᾱ_t)·ε_θ)/√ᾱ_t, clipped to the data range [−1, 1]; the clipping is a common
 * deviation from the papers' pseudo-code that removes the few out-of-range pixels early steps would
 * otherwise carry along (and changes nothing when x̂_0 is already in range).
 */
public abstract class Sampler {
    protected final NoiseSchedule schedule;
    protected final int[] tau; // tau[0] = 0 < tau[1] < ... < tau[S] = T
    private boolean clip = true;

    protected Sampler(NoiseSchedule schedule, int steps) {
        int T = schedule.steps();
        if (steps < 1 || steps > T) throw new IllegalArgumentException("Sampler: --sample-steps must be in 1.." + T + ", got " + steps);
        this.schedule = schedule;
        tau = new int[steps + 1];
        for (int i = 1; i <= steps; i++) tau[i] = (int) Math.round((double) i * T / steps);
    }

    /** Turns clipping of x̂_0 off (the paper's exact algorithms) or on; returns this. */
    public Sampler clip(boolean on) {
        clip = on;
        return this;
    }

    /** The time steps visited, τ_1 … τ_S. */
    public int[] timeSteps() {
        return java.util.Arrays.copyOfRange(tau, 1, tau.length);
    }

    /**
     * Samples of {@code shape} (B, ...) from {@code model} with {@code labels} (null: unconditional);
     * {@code trajectory} (may be null) records every step.
     */
    public Tensor sample(EpsModel model, int[] shape, int[] labels, RandomGenerator rng, Trajectory trajectory) {
        return sampleFrom(model, Tensor.randn(rng, shape), labels, rng, trajectory); // x_T (B, ...)
    }

    /**
     * The reverse process from a given x_T (B, ...): with a deterministic sampler (DDIM, η = 0) the
     * sample is a function of x_T alone, which is what a latent interpolation needs.
     */
    public Tensor sampleFrom(EpsModel model, Tensor xT, int[] labels, RandomGenerator rng, Trajectory trajectory) {
        int[] shape = xT.shape();
        try (var ng = Autograd.noGrad()) {
            Tensor x = xT;                                                   // x_T (B, ...)
            if (trajectory != null) trajectory.add(tau[tau.length - 1], x, null);
            int b = shape[0];
            for (int i = tau.length - 1; i >= 1; i--) {
                int t = tau[i], prev = tau[i - 1];
                int[] ts = new int[b];
                java.util.Arrays.fill(ts, t);
                Tensor eps = model.eps(x, ts, labels);                        // (B, ...)
                float[] x0 = new ForwardProcess(schedule).x0FromEps(x, ts, eps).data();
                if (clip) for (int j = 0; j < x0.length; j++) x0[j] = Math.max(-1f, Math.min(1f, x0[j]));
                for (float v : x0) {
                    if (!Float.isFinite(v)) throw new ArithmeticException("Sampler: the model's prediction at t = " + t + " is not finite");
                }
                Tensor x0Hat = Tensor.of(x0, shape);
                x = step(x, eps, x0Hat, t, prev, rng);
                if (trajectory != null) trajectory.add(prev, x, x0Hat);
            }
            return x;
        }
    }

    /** One reverse step from x_t to x_prev (prev &lt; t; prev = 0 returns the sample). */
    protected abstract Tensor step(Tensor xt, Tensor eps, Tensor x0Hat, int t, int prev, RandomGenerator rng);

    /** "ddpm" or "ddim" with {@code steps} steps. */
    public static Sampler byName(String name, NoiseSchedule schedule, int steps) {
        return switch (name) {
            case "ddpm" -> new AncestralSampler(schedule, steps);
            case "ddim" -> new DdimSampler(schedule, steps, 0);
            default -> throw new IllegalArgumentException("Sampler: unknown sampler '" + name + "' (ddpm, ddim)");
        };
    }
}
