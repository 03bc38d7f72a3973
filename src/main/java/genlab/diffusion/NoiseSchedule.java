package genlab.diffusion;

import java.util.Locale;

/**
 * The variances β₁ … β_T of the forward process and the quantities derived from them
 * (Ho et al. 2020, §2; Nichol and Dhariwal 2021 for the cosine schedule):
 * <pre>
 *   α_t = 1 − β_t          ᾱ_t = ∏_{s=1}^{t} α_s          ᾱ_0 = 1
 * </pre>
 * <ul>
 *   <li>{@link #linear}: β_t rising linearly from β₁ = 10⁻⁴ to β_T = 0.02 (DDPM, T = 1000).</li>
 *   <li>{@link #cosine}: ᾱ_t = f(t)/f(0) with f(t) = cos²(((t/T + s)/(1 + s))·π/2), s = 0.008, and
 *       β_t = 1 − ᾱ_t/ᾱ_{t−1} clipped at 0.999, which destroys information more evenly over t.</li>
 * </ul>
 * Time steps are numbered as in the paper, 1 … T; index 0 stands for the clean data (ᾱ_0 = 1).
 * Values are kept in double; the tensors see them as floats.
 */
public final class NoiseSchedule {
    private final String name;
    private final double[] beta;     // [0] unused (0), [1..T]
    private final double[] alphaBar; // [0] = 1, [1..T]

    private NoiseSchedule(String name, double[] beta) {
        this.name = name;
        this.beta = beta;
        int T = beta.length - 1;
        alphaBar = new double[T + 1];
        alphaBar[0] = 1;
        for (int t = 1; t <= T; t++) {
            if (!(beta[t] > 0 && beta[t] < 1)) throw new IllegalArgumentException(String.format(Locale.ROOT, "NoiseSchedule: β_%d = %g is not in (0, 1)", t, beta[t]));
            alphaBar[t] = alphaBar[t - 1] * (1 - beta[t]);
        }
    }

    /** DDPM's schedule: β_t = β₁ + (β_T − β₁)(t − 1)/(T − 1). */
    public static NoiseSchedule linear(int T, double beta1, double betaT) {
        checkT(T);
        double[] b = new double[T + 1];
        for (int t = 1; t <= T; t++) b[t] = T == 1 ? beta1 : beta1 + (betaT - beta1) * (t - 1) / (T - 1);
        return new NoiseSchedule("linear", b);
    }

    /** The DDPM default: linear from 10⁻⁴ to 0.02 over T steps, scaled by 1000/T so that short chains still end near pure noise. */
    public static NoiseSchedule linear(int T) {
        double scale = 1000.0 / T;
        return linear(T, 1e-4 * scale, Math.min(0.02 * scale, 0.999));
    }

    /** Nichol and Dhariwal's cosine schedule with offset s = 0.008. */
    public static NoiseSchedule cosine(int T) {
        checkT(T);
        double s = 0.008;
        double f0 = f(0, T, s);
        double[] b = new double[T + 1];
        for (int t = 1; t <= T; t++) b[t] = Math.min(1 - (f(t, T, s) / f0) / (f(t - 1, T, s) / f0), 0.999);
        return new NoiseSchedule("cosine", b);
    }

    /** "linear" or "cosine" with T steps. */
    public static NoiseSchedule byName(String name, int T) {
        return switch (name) {
            case "linear" -> linear(T);
            case "cosine" -> cosine(T);
            default -> throw new IllegalArgumentException("NoiseSchedule: unknown schedule '" + name + "' (linear, cosine)");
        };
    }

    private static double f(int t, int T, double s) {
        double c = Math.cos(((double) t / T + s) / (1 + s) * Math.PI / 2);
        return c * c;
    }

    private static void checkT(int T) {
        if (T < 1) throw new IllegalArgumentException("NoiseSchedule: T must be at least 1, got " + T);
    }

    public String name() {
        return name;
    }

    /** T, the number of forward steps. */
    public int steps() {
        return beta.length - 1;
    }

    /** β_t, t in 1..T. */
    public double beta(int t) {
        check(t, 1);
        return beta[t];
    }

    /** α_t = 1 − β_t, t in 1..T. */
    public double alpha(int t) {
        return 1 - beta(t);
    }

    /** ᾱ_t, t in 0..T (ᾱ_0 = 1). */
    public double alphaBar(int t) {
        check(t, 0);
        return alphaBar[t];
    }

    private void check(int t, int lo) {
        if (t < lo || t >= beta.length) throw new IllegalArgumentException("NoiseSchedule: time step " + t + " is outside " + lo + ".." + (beta.length - 1));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s schedule, T = %d, β from %.2e to %.2e, ᾱ_T = %.2e", name, steps(), beta[1], beta[steps()], alphaBar[steps()]);
    }
}
