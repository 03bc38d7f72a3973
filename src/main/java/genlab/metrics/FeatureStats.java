package genlab.metrics;

/**
 * The mean μ and covariance Σ of a set of feature vectors, in double: the Gaussian the Fréchet
 * distance compares. Σ = (1/(N − 1)) Σᵢ (φᵢ − μ)(φᵢ − μ)ᵀ, the unbiased estimate ({@code numpy.cov}'s
 * default, as in the reference FID code).
 *
 * @param mean       μ, (d)
 * @param covariance Σ, (d, d), symmetric
 */
public record FeatureStats(double[] mean, double[][] covariance) {

    public FeatureStats {
        int d = mean.length;
        if (covariance.length != d) {
            throw new IllegalArgumentException("FeatureStats: mean has " + d + " entries but covariance has " + covariance.length + " rows");
        }
        for (double[] row : covariance) {
            if (row.length != d) throw new IllegalArgumentException("FeatureStats: covariance is not " + d + " x " + d);
        }
    }

    /** The statistics of N ≥ 2 feature vectors {@code features[i]}, each of the same length d. */
    public static FeatureStats of(double[][] features) {
        int n = features.length;
        if (n < 2) throw new IllegalArgumentException("FeatureStats: need at least 2 feature vectors for a covariance, got " + n);
        int d = features[0].length;
        double[] mean = new double[d];
        for (double[] f : features) {
            if (f.length != d) throw new IllegalArgumentException("FeatureStats: feature vectors of lengths " + d + " and " + f.length);
            for (int j = 0; j < d; j++) mean[j] += f[j];
        }
        for (int j = 0; j < d; j++) mean[j] /= n;
        double[][] cov = new double[d][d];
        double[] c = new double[d];
        for (double[] f : features) {
            for (int j = 0; j < d; j++) c[j] = f[j] - mean[j];
            for (int a = 0; a < d; a++) {
                double ca = c[a];
                if (ca == 0) continue; // ReLU features are often exactly at their mean of 0
                double[] row = cov[a];
                for (int b = a; b < d; b++) row[b] += ca * c[b];
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= n - 1;
                cov[b][a] = cov[a][b];
            }
        }
        return new FeatureStats(mean, cov);
    }

    /** The dimension d. */
    public int dim() {
        return mean.length;
    }
}
