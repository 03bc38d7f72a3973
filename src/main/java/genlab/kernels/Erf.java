package genlab.kernels;

/**
 * The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt, which the JDK lacks (needed by exact GELU).
 *
 * <p>Computed from the complementary function with the Chebyshev-fitted approximation of
 * Numerical Recipes (erfc(z) ≈ t·exp(−z² + P(t)), t = 1/(1 + z/2)), fractional error below 1.2e-7
 * everywhere: well inside float precision.
 */
final class Erf {
    private Erf() {}

    static double erf(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double p = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277))))))));
        double erfc = t * Math.exp(p);
        return x >= 0 ? 1 - erfc : erfc - 1;
    }
}
