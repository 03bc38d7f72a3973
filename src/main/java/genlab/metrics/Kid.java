package genlab.metrics;

import java.util.random.RandomGenerator;

/**
 * Kernel Inception Distance (Bińkowski et al. 2018): the squared maximum mean discrepancy between
 * two sets of feature vectors with the cubic polynomial kernel
 * <pre>
 *   k(x, y) = (xᵀy/d + 1)³
 * </pre>
 * and the unbiased estimator on m vectors from each set (no kᵢᵢ terms):
 * <pre>
 *   MMD²ᵤ = Σ_{i≠j} k(xᵢ, xⱼ)/(m(m−1)) + Σ_{i≠j} k(yᵢ, yⱼ)/(m(m−1)) − 2 Σ_{i,j} k(xᵢ, yⱼ)/m²
 * </pre>
 * As in the authors' code ({@code polynomial_mmd_averages}), the estimate is averaged over
 * {@code subsets} random subsets of {@code subsetSize} vectors drawn from each set without
 * replacement (all of a set when it is smaller). Each subset's estimate is unbiased, so the mean
 * is too, and it can be slightly negative when the sets come from one distribution. The
 * reference code draws 100 subsets of 1,000; {@link Evaluator} uses fewer to keep CPU time down,
 * which only makes the estimate noisier.
 */
public final class Kid {
    private Kid() {}

    /** The mean of the unbiased MMD² over the subsets; features of both sets have the same length d. */
    public static double of(double[][] x, double[][] y, int subsets, int subsetSize, RandomGenerator rng) {
        if (subsets < 1 || subsetSize < 2) throw new IllegalArgumentException("Kid: need subsets >= 1 and subsetSize >= 2, got " + subsets + ", " + subsetSize);
        int m = Math.min(subsetSize, Math.min(x.length, y.length));
        if (m < 2) throw new IllegalArgumentException("Kid: need at least 2 feature vectors in each set, got " + x.length + " and " + y.length);
        int d = x[0].length;
        if (y[0].length != d) throw new IllegalArgumentException("Kid: feature lengths " + d + " and " + y[0].length + " differ");
        double sum = 0;
        for (int s = 0; s < subsets; s++) {
            double[][] xs = sample(x, m, rng), ys = sample(y, m, rng);
            sum += mmd2Unbiased(xs, ys);
        }
        return sum / subsets;
    }

    /** The unbiased MMD² of the two sets as given (each of at least 2 vectors). */
    public static double mmd2Unbiased(double[][] x, double[][] y) {
        int mx = x.length, my = y.length;
        double kxx = 0, kyy = 0, kxy = 0;
        for (int i = 0; i < mx; i++) for (int j = i + 1; j < mx; j++) kxx += kernel(x[i], x[j]);
        for (int i = 0; i < my; i++) for (int j = i + 1; j < my; j++) kyy += kernel(y[i], y[j]);
        for (double[] xi : x) for (double[] yj : y) kxy += kernel(xi, yj);
        return 2 * kxx / ((double) mx * (mx - 1)) + 2 * kyy / ((double) my * (my - 1)) - 2 * kxy / ((double) mx * my);
    }

    /** k(a, b) = (aᵀb/d + 1)³. */
    public static double kernel(double[] a, double[] b) {
        double t = Vectors.dot(a, b) / a.length + 1;
        return t * t * t;
    }

    /** m rows of {@code x} without replacement (a partial Fisher-Yates shuffle of the indices). */
    private static double[][] sample(double[][] x, int m, RandomGenerator rng) {
        int[] idx = new int[x.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        double[][] out = new double[m][];
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(idx.length - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
            out[i] = x[idx[i]];
        }
        return out;
    }
}
