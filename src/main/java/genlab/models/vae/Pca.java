package genlab.models.vae;

/**
 * Principal component analysis, to draw latent codes of more than two dimensions in the plane:
 * <pre>
 *   C = (1/(n−1)) Σᵢ (xᵢ − x̄)(xᵢ − x̄)ᵀ,   C vₖ = λₖ vₖ (λ₁ ≥ λ₂ ≥ ...),   yᵢₖ = vₖ · (xᵢ − x̄)
 * </pre>
 * The leading eigenvectors are found by power iteration with deflation (C ← C − λ v vᵀ), in
 * double; enough for the small (L ≤ a few hundred) covariance of a latent space.
 */
public final class Pca {
    private final double[] mean;
    private final double[][] components; // [m][d], unit vectors
    private final double[] variances;    // λ₁..λ_m
    private final double totalVariance;  // trace of C

    private Pca(double[] mean, double[][] components, double[] variances, double totalVariance) {
        this.mean = mean;
        this.components = components;
        this.variances = variances;
        this.totalVariance = totalVariance;
    }

    /** Fits the top {@code m} components of the rows of {@code x} (n ≥ 2 rows of d values, m ≤ d). */
    public static Pca fit(double[][] x, int m) {
        int n = x.length;
        if (n < 2) throw new IllegalArgumentException("Pca: need at least 2 points, got " + n);
        int d = x[0].length;
        if (m < 1 || m > d) throw new IllegalArgumentException("Pca: " + m + " components of " + d + "-dimensional points");
        double[] mean = new double[d];
        for (double[] row : x) {
            if (row.length != d) throw new IllegalArgumentException("Pca: rows of " + d + " and " + row.length + " values");
            for (int j = 0; j < d; j++) mean[j] += row[j] / n;
        }
        double[][] c = new double[d][d];
        for (double[] row : x) {
            for (int a = 0; a < d; a++) {
                double da = row[a] - mean[a];
                for (int b = 0; b < d; b++) c[a][b] += da * (row[b] - mean[b]) / (n - 1);
            }
        }
        double trace = 0;
        for (int a = 0; a < d; a++) trace += c[a][a];
        double[][] comps = new double[m][];
        double[] vars = new double[m];
        for (int k = 0; k < m; k++) {
            double[] v = new double[d];
            for (int j = 0; j < d; j++) v[j] = 1.0 + 0.1 * j; // deterministic start, not orthogonal to typical leading vectors
            double lambda = 0;
            for (int it = 0; it < 1000; it++) {
                double[] w = multiply(c, v);
                double norm = Math.sqrt(dot(w, w));
                if (norm == 0) break;
                for (int j = 0; j < d; j++) w[j] /= norm;
                double change = 0;
                for (int j = 0; j < d; j++) change = Math.max(change, Math.abs(w[j] - v[j]));
                v = w;
                lambda = norm;
                if (change < 1e-12) break;
            }
            comps[k] = v;
            vars[k] = dot(v, multiply(c, v));
            for (int a = 0; a < d; a++) for (int b = 0; b < d; b++) c[a][b] -= vars[k] * v[a] * v[b];
        }
        return new Pca(mean, comps, vars, trace);
    }

    /** The projections yᵢₖ = vₖ · (xᵢ − x̄), [n][m]. */
    public double[][] project(double[][] x) {
        double[][] y = new double[x.length][components.length];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < components.length; k++) {
                double s = 0;
                for (int j = 0; j < mean.length; j++) s += components[k][j] * (x[i][j] - mean[j]);
                y[i][k] = s;
            }
        }
        return y;
    }

    /** The k-th unit eigenvector (a copy). */
    public double[] component(int k) {
        return components[k].clone();
    }

    /** λ₁..λ_m, the variances along the components. */
    public double[] variances() {
        return variances.clone();
    }

    /** The fraction of the total variance (trace of C) the fitted components explain. */
    public double explainedFraction() {
        double s = 0;
        for (double v : variances) s += v;
        return totalVariance == 0 ? 0 : s / totalVariance;
    }

    private static double[] multiply(double[][] c, double[] v) {
        double[] w = new double[v.length];
        for (int a = 0; a < v.length; a++) w[a] = dot(c[a], v);
        return w;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
