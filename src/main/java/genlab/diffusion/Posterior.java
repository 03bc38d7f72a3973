package genlab.diffusion;

/**
 * The forward process posterior (Ho et al. 2020, eq. 6 and 7), tractable when x_0 is known:
 * <pre>
 *   q(x_{t−1} | x_t, x_0) = N(x_{t−1}; μ̃_t(x_t, x_0), β̃_t·I)
 *   μ̃_t = (√ᾱ_{t−1}·β_t/(1 − ᾱ_t))·x_0 + (√α_t·(1 − ᾱ_{t−1})/(1 − ᾱ_t))·x_t
 *   β̃_t = (1 − ᾱ_{t−1})/(1 − ᾱ_t)·β_t
 * </pre>
 * It is Bayes' rule applied to the Gaussians q(x_t | x_{t−1}) and q(x_{t−1} | x_0).
 * With the ε-parameterisation x_0 = (x_t − √(1 − ᾱ_t)·ε)/√ᾱ_t the mean becomes eq. 11,
 * μ = (x_t − β_t/√(1 − ᾱ_t)·ε)/√α_t. Valid for t in 1..T (at t = 1, β̃_1 = 0).
 */
public final class Posterior {
    private final NoiseSchedule s;

    public Posterior(NoiseSchedule schedule) {
        this.s = schedule;
    }

    /** The coefficient of x_0 in μ̃_t. */
    public double coefX0(int t) {
        return Math.sqrt(s.alphaBar(t - 1)) * s.beta(t) / (1 - s.alphaBar(t));
    }

    /** The coefficient of x_t in μ̃_t. */
    public double coefXt(int t) {
        return Math.sqrt(s.alpha(t)) * (1 - s.alphaBar(t - 1)) / (1 - s.alphaBar(t));
    }

    /** μ̃_t for one coordinate. */
    public double mean(double xt, double x0, int t) {
        return coefX0(t) * x0 + coefXt(t) * xt;
    }

    /** β̃_t. */
    public double variance(int t) {
        return (1 - s.alphaBar(t - 1)) / (1 - s.alphaBar(t)) * s.beta(t);
    }

    /** Fills {@code out} with μ̃_t(x_t, x_0), elementwise (x_0 typically a prediction x̂_0). */
    public void mean(float[] xt, float[] x0, int t, float[] out) {
        float a = (float) coefX0(t), b = (float) coefXt(t);
        for (int i = 0; i < out.length; i++) out[i] = a * x0[i] + b * xt[i];
    }
}
