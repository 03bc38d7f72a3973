package genlab.diffusion;

/**
 * The decoder p_θ(x_0 | x_1) of DDPM (Ho et al. 2020, eq. 13): data are 8-bit pixels scaled to
 * {−1, −1 + 2/255, …, 1}, and each gets the mass of N(μ, σ²) over its bin of width 2/255,
 * <pre>
 *   p(x) = Φ((x + 1/255 − μ)/σ) − Φ((x − 1/255 − μ)/σ)
 * </pre>
 * with the outer bins stretched to −∞ (at x = −1) and +∞ (at x = 1), so the masses sum to 1. The
 * normal CDF is computed from erfc, choosing the tail that keeps the difference accurate.
 */
public final class DiscretizedGaussian {
    private static final double HALF_BIN = 1.0 / 255;

    private DiscretizedGaussian() {}

    /** log p(x) in nats for one pixel value x in [−1, 1]. */
    public static double logProb(double x, double mean, double std) {
        double lo = x < -1 + HALF_BIN ? Double.NEGATIVE_INFINITY : (x - HALF_BIN - mean) / std;
        double hi = x > 1 - HALF_BIN ? Double.POSITIVE_INFINITY : (x + HALF_BIN - mean) / std;
        double p;
        if (lo + hi > 0 || hi == Double.POSITIVE_INFINITY && lo > 0) {
            p = upperTail(lo) - upperTail(hi);  // both in the upper tail: 1 − Φ is accurate there
        } else {
            p = upperTail(-hi) - upperTail(-lo); // Φ(hi) − Φ(lo) = Q(−hi) − Q(−lo)
        }
        return Math.log(Math.max(p, 1e-300));
    }

    /** Q(z) = 1 − Φ(z) = erfc(z/√2)/2. */
    static double upperTail(double z) {
        if (z == Double.POSITIVE_INFINITY) return 0;
        if (z == Double.NEGATIVE_INFINITY) return 1;
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    /** erfc with relative error below 1.2·10⁻⁷ everywhere (Numerical Recipes, Chebyshev fit). */
    static double erfc(double x) {
        double z = Math.abs(x), t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
