package genlab.models.vae;

import genlab.tensor.Tensor;

/**
 * Latent codes to decode for pictures of a latent space.
 *
 * <ul>
 *   <li>{@link #manifold}: for L = 2, an n×n grid of codes at the prior's quantiles,
 *       zᵣ꜀ = (Φ⁻¹(p꜀), Φ⁻¹(1 − pᵣ)), pᵢ evenly spaced in [p_lo, 1 − p_lo], as in Kingma and
 *       Welling's Figure 4: equal steps of probability mass, so the grid covers where the prior
 *       puts its samples (and up is +z₂).</li>
 *   <li>{@link #interpolate}: codes on the segment z(t) = (1 − t) z_a + t z_b, t = 0, 1/(s−1), ..., 1.</li>
 * </ul>
 */
public final class LatentGrid {
    private LatentGrid() {}

    /** n×n codes (n², 2), row-major, for a 2-D latent space; quantiles from {@code pLo} to 1 − {@code pLo}. */
    public static Tensor manifold(int n, double pLo) {
        if (n < 2 || !(pLo > 0 && pLo < 0.5)) throw new IllegalArgumentException("LatentGrid: need n ≥ 2 and 0 < p_lo < 0.5");
        float[] z = new float[n * n * 2];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double pc = pLo + (1 - 2 * pLo) * c / (n - 1), pr = pLo + (1 - 2 * pLo) * r / (n - 1);
                z[(r * n + c) * 2] = (float) normalQuantile(pc);
                z[(r * n + c) * 2 + 1] = (float) normalQuantile(1 - pr);
            }
        }
        return Tensor.of(z, n * n, 2); // (n², 2)
    }

    /** For codes a and b (P, L): the P·s codes ((P·s), L), pair p's s points in row p. */
    public static Tensor interpolate(Tensor a, Tensor b, int steps) {
        if (a.dim() != 2 || !genlab.tensor.Shapes.same(a.shape(), b.shape()) || steps < 2) {
            throw new IllegalArgumentException("LatentGrid.interpolate: codes " + genlab.tensor.Shapes.str(a.shape()) + " and "
                    + genlab.tensor.Shapes.str(b.shape()) + " must be the same (P, L), steps ≥ 2");
        }
        int p = a.size(0), l = a.size(1);
        float[] ad = a.data(), bd = b.data(), z = new float[p * steps * l];
        for (int i = 0; i < p; i++) {
            for (int s = 0; s < steps; s++) {
                double t = (double) s / (steps - 1);
                for (int j = 0; j < l; j++) z[(i * steps + s) * l + j] = (float) ((1 - t) * ad[i * l + j] + t * bd[i * l + j]);
            }
        }
        return Tensor.of(z, p * steps, l); // (P·s, L)
    }

    /** Φ⁻¹(p), the standard normal quantile, by bisection on Φ (absolute error below 1e-7 in Φ). */
    public static double normalQuantile(double p) {
        if (!(p > 0 && p < 1)) throw new IllegalArgumentException("normal quantile of " + p + ": p must be in (0, 1)");
        double lo = -40, hi = 40;
        for (int i = 0; i < 100; i++) {
            double mid = 0.5 * (lo + hi);
            if (normalCdf(mid) < p) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /** Φ(x) = ½ erfc(−x/√2), erfc by the Chebyshev fit of Numerical Recipes §6.2 (relative error &lt; 1.2e-7). */
    public static double normalCdf(double x) {
        double u = -x / Math.sqrt(2), z = Math.abs(u);
        double t = 1 / (1 + 0.5 * z);
        double erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        if (u < 0) erfc = 2 - erfc;
        return 0.5 * erfc;
    }
}
