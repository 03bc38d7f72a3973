package genlab.diffusion;

import genlab.tensor.Autograd;
import genlab.tensor.Tensor;

import java.util.random.RandomGenerator;

/**
 * The variational bound on −log p_θ(x_0) (Ho et al. 2020, eq. 5), in nats and bits/dim:
 * <pre>
 *   L = L_T + Σ_{t=2}^{T} L_{t−1} + L_0
 *   L_T     = KL(q(x_T | x_0) ‖ N(0, I))
 *   L_{t−1} = E_q KL(q(x_{t−1} | x_t, x_0) ‖ p_θ(x_{t−1} | x_t)),   p_θ = N(μ_θ(x_t, t), σ_t² I)
 *   L_0     = −E_q log p_θ(x_0 | x_1)                              (discretized Gaussian decoder)
 * </pre>
 * with μ_θ = μ̃_t(x_t, x̂_0(ε_θ)) (eq. 11), σ_t² = β_t, and each KL between Gaussians in closed form
 * ({@link #klGaussian}). The T − 1 middle terms each cost a network evaluation, so
 * {@link #estimate} samples K of them per example, by importance sampling with stratification:
 * <pre>
 *   Σ_{t=2}^{T} L_{t−1} ≈ (1/K) Σ_k L_{t_k−1} / p(t_k),   p(t) = (1/(t − 1)) / H_{T−1},
 *   t_k = F⁻¹((k + u_k)/K),  u_k ~ U[0, 1),  F the cumulative distribution of p
 * </pre>
 * (H_n = Σ_{j=1}^{n} 1/j). Unbiased for any p > 0; p ∝ 1/(t − 1) because L_{t−1} falls steeply
 * with t (for the shipped MNIST checkpoint: 0.23 bits/dim at t = 2, 0.01 at t = 15, 0.0002 at t = 300), so
 * uniform sampling would rarely draw the few small t that hold most of the sum and be very noisy.
 * The estimate's standard error over the examples is reported. Data are 8-bit pixels scaled to
 * [−1, 1], so L bounds the discrete negative log-likelihood and bits/dim = L/(D·ln 2).
 */
public final class VariationalBound {
    private final NoiseSchedule s;
    private final Posterior posterior;

    public VariationalBound(NoiseSchedule schedule) {
        this.s = schedule;
        this.posterior = new Posterior(schedule);
    }

    /** The estimate and its parts, averaged over the examples. */
    public record Estimate(double bitsPerDim, double standardError, double priorBits, double decoderBits, double diffusionBits) {}

    /** KL(N(μ₁, v₁) ‖ N(μ₂, v₂)) = ½(ln(v₂/v₁) + (v₁ + (μ₁ − μ₂)²)/v₂ − 1), one dimension. */
    public static double klGaussian(double mu1, double var1, double mu2, double var2) {
        double d = mu1 - mu2;
        return 0.5 * (Math.log(var2 / var1) + (var1 + d * d) / var2 - 1);
    }

    /** L_T of one coordinate x_0 (nats). */
    public double priorTerm(double x0) {
        double ab = s.alphaBar(s.steps());
        return klGaussian(Math.sqrt(ab) * x0, 1 - ab, 0, 1);
    }

    /** L_{t−1} of one coordinate for t ≥ 2, given x_t and the model's mean μ_θ (nats). */
    public double diffusionTerm(double x0, double xt, double muTheta, int t) {
        return klGaussian(posterior.mean(xt, x0, t), posterior.variance(t), muTheta, s.beta(t));
    }

    /**
     * Estimates L for each example of x_0 (B, ...) in [−1, 1] with K sampled t per example;
     * labels as the model takes them (null: unconditional).
     */
    public Estimate estimate(EpsModel model, Tensor x0, int[] labels, int k, RandomGenerator rng) {
        int b = x0.size(0), d = x0.numel() / b, T = s.steps();
        if (T < 2) throw new IllegalArgumentException("VariationalBound: needs T >= 2, got " + T);
        double[] prior = new double[b], decoder = new double[b], diffusion = new double[b];
        float[] x = x0.data();
        ForwardProcess q = new ForwardProcess(s);
        try (var ng = Autograd.noGrad()) {
            for (int i = 0; i < b; i++) for (int j = 0; j < d; j++) prior[i] += priorTerm(x[i * d + j]);
            // L_0: x_1 ~ q(x_1 | x_0), decoder mean μ_θ(x_1, 1), σ_1² = β_1.
            int[] ones = new int[b];
            java.util.Arrays.fill(ones, 1);
            Tensor x1 = q.sample(x0, ones, Tensor.randn(rng, x0.shape()));
            float[] mu1 = meanTheta(model, x1, ones, labels);
            double sd1 = Math.sqrt(s.beta(1));
            for (int i = 0; i < b; i++) for (int j = 0; j < d; j++) decoder[i] -= DiscretizedGaussian.logProb(x[i * d + j], mu1[i * d + j], sd1);
            // Σ_{t=2}^T L_{t−1} ≈ (1/K) Σ_k L_{t_k − 1} / p(t_k), t_k from the k-th of K equal-mass strata of p.
            double[] cdf = cumulativeProposal(T);
            for (int r = 0; r < k; r++) {
                int[] t = new int[b];
                for (int i = 0; i < b; i++) t[i] = drawT(cdf, (r + rng.nextDouble()) / k);
                Tensor xt = q.sample(x0, t, Tensor.randn(rng, x0.shape()));
                float[] xs = xt.data(), mu = meanTheta(model, xt, t, labels);
                for (int i = 0; i < b; i++) {
                    double sum = 0;
                    for (int j = 0; j < d; j++) sum += diffusionTerm(x[i * d + j], xs[i * d + j], mu[i * d + j], t[i]);
                    diffusion[i] += sum / (proposal(cdf, t[i]) * k);
                }
            }
        }
        double toBits = 1 / (d * Math.log(2));
        double mean = 0, sq = 0, p = 0, dec = 0, dif = 0;
        for (int i = 0; i < b; i++) {
            double total = (prior[i] + decoder[i] + diffusion[i]) * toBits;
            mean += total / b;
            sq += total * total / b;
            p += prior[i] * toBits / b;
            dec += decoder[i] * toBits / b;
            dif += diffusion[i] * toBits / b;
        }
        double se = b > 1 ? Math.sqrt(Math.max(0, sq - mean * mean) * b / (b - 1) / b) : Double.NaN;
        return new Estimate(mean, se, p, dec, dif);
    }

    /** F(t) = Σ_{s=2}^{t} p(s) at index t (entries 0 and 1 are 0), p(t) ∝ 1/(t − 1) on 2..T. */
    private static double[] cumulativeProposal(int T) {
        double[] cdf = new double[T + 1];
        for (int t = 2; t <= T; t++) cdf[t] = cdf[t - 1] + 1.0 / (t - 1);
        double h = cdf[T];
        for (int t = 2; t <= T; t++) cdf[t] /= h;
        cdf[T] = 1;
        return cdf;
    }

    /** p(t) read off the cumulative distribution. */
    private static double proposal(double[] cdf, int t) {
        return cdf[t] - cdf[t - 1];
    }

    /** F⁻¹(u): the smallest t in 2..T with u < F(t), for u in [0, 1). */
    private static int drawT(double[] cdf, double u) {
        int lo = 2, hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (u < cdf[mid]) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    /** μ_θ(x_t, t) = μ̃_t(x_t, x̂_0) with x̂_0 from ε_θ, unclipped (eq. 11). */
    private float[] meanTheta(EpsModel model, Tensor xt, int[] t, int[] labels) {
        Tensor eps = model.eps(xt, t, labels);
        float[] x0 = new ForwardProcess(s).x0FromEps(xt, t, eps).data(), xs = xt.data(), out = new float[xs.length];
        int b = t.length, d = xs.length / b;
        for (int i = 0; i < b; i++) {
            float a = (float) posterior.coefX0(t[i]), c = (float) posterior.coefXt(t[i]);
            for (int j = i * d; j < (i + 1) * d; j++) out[j] = a * x0[j] + c * xs[j];
        }
        return out;
    }
}
