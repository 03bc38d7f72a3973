package genlab.metrics;

/**
 * The Fréchet (2-Wasserstein) distance between two Gaussians N(μ₁, Σ₁) and N(μ₂, Σ₂)
 * (Dowson and Landau 1982), the formula behind FID (Heusel et al. 2017):
 * <pre>
 *   d² = ‖μ₁ − μ₂‖² + tr(Σ₁ + Σ₂ − 2 (Σ₁^½ Σ₂ Σ₁^½)^½)
 * </pre>
 * Both square roots are symmetric ones, taken by eigendecomposition ({@link SymmetricEigen}) in
 * double: Σ₁^½ Σ₂ Σ₁^½ is symmetric positive semi-definite, so tr((Σ₁^½ Σ₂ Σ₁^½)^½) is the sum of the
 * square roots of its eigenvalues. (The reference FID code takes {@code sqrtm(Σ₁Σ₂)} of the
 * non-symmetric product instead; the trace is the same, since Σ₁Σ₂ is similar to Σ₁^½ Σ₂ Σ₁^½.)
 * This value is d², as FID reports it.
 *
 * <p>Applied to the penultimate features of the project's MNIST classifier it is the FLD
 * ({@link Evaluator#fld}).
 */
public final class FrechetDistance {
    private FrechetDistance() {}

    /** d² between the Gaussians fitted to two sets of feature vectors. */
    public static double of(double[][] features1, double[][] features2) {
        return of(FeatureStats.of(features1), FeatureStats.of(features2));
    }

    /** d² between N(a.mean, a.covariance) and N(b.mean, b.covariance). */
    public static double of(FeatureStats a, FeatureStats b) {
        int d = a.dim();
        if (b.dim() != d) throw new IllegalArgumentException("FrechetDistance: dimensions " + d + " and " + b.dim() + " differ");
        double meanTerm = 0;
        for (int i = 0; i < d; i++) {
            double diff = a.mean()[i] - b.mean()[i];
            meanTerm += diff * diff;
        }
        double[][] s1 = a.covariance(), s2 = b.covariance();
        double[][] root1 = SymmetricEigen.sqrt(s1);
        double[][] m = multiply(multiply(root1, s2), root1);
        // Symmetric in exact arithmetic; the products leave round-off asymmetry the solver would reject.
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double avg = 0.5 * (m[i][j] + m[j][i]);
                m[i][j] = avg;
                m[j][i] = avg;
            }
        }
        double traceRoot = 0;
        double largest = 0;
        double[] eig = SymmetricEigen.of(m).values();
        for (double l : eig) largest = Math.max(largest, Math.abs(l));
        for (double l : eig) {
            if (l < -1e-8 * Math.max(largest, 1e-300)) {
                throw new IllegalArgumentException("FrechetDistance: Σ₁^½ Σ₂ Σ₁^½ has eigenvalue " + l + "; is a covariance not positive semi-definite?");
            }
            traceRoot += Math.sqrt(Math.max(l, 0));
        }
        double trace = 0;
        for (int i = 0; i < d; i++) trace += s1[i][i] + s2[i][i];
        return meanTerm + trace - 2 * traceRoot;
    }

    static double[][] multiply(double[][] x, double[][] y) {
        int n = x.length, k = y.length, m = y[0].length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] row = out[i];
            for (int p = 0; p < k; p++) {
                double xip = x[i][p];
                if (xip == 0) continue;
                double[] yp = y[p];
                for (int j = 0; j < m; j++) row[j] += xip * yp[j];
            }
        }
        return out;
    }
}
