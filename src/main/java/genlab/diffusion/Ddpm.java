package genlab.diffusion;

import genlab.nn.Losses;
import genlab.tensor.Tensor;

import java.util.random.RandomGenerator;

/**
 * DDPM training, Algorithm 1 of Ho et al. 2020:
 * <pre>
 *   repeat
 *     x_0 ~ q(x_0),  t ~ Uniform{1, …, T},  ε ~ N(0, I)
 *     take a gradient step on ∇_θ ‖ε − ε_θ(√ᾱ_t·x_0 + √(1 − ᾱ_t)·ε, t)‖²
 * </pre>
 * {@link #loss} is L_simple, the mean over the batch and the dimensions: the variational bound
 * with its per-t weights dropped, which the paper found gives better samples.
 */
public final class Ddpm {
    private final NoiseSchedule schedule;
    private final ForwardProcess q;

    public Ddpm(NoiseSchedule schedule) {
        this.schedule = schedule;
        this.q = new ForwardProcess(schedule);
    }

    public NoiseSchedule schedule() {
        return schedule;
    }

    public ForwardProcess forwardProcess() {
        return q;
    }

    /** L_simple for a batch x_0 (B, ...), labels as the model takes them (null: none). */
    public Tensor loss(EpsModel model, Tensor x0, int[] labels, RandomGenerator rng) {
        int b = x0.size(0), T = schedule.steps();
        int[] t = new int[b];
        for (int i = 0; i < b; i++) t[i] = 1 + rng.nextInt(T);
        Tensor eps = Tensor.randn(rng, x0.shape());                   // (B, ...)
        Tensor xt = q.sample(x0, t, eps);                              // (B, ...)
        return Losses.mse(model.eps(xt, t, labels), eps);
    }
}
