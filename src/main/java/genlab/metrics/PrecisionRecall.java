package genlab.metrics;

/**
 * Improved precision and recall (Kynkäänniemi et al. 2019). Each set of feature vectors stands for
 * a manifold: the union of balls around its vectors, each ball's radius the distance to the
 * vector's k-th nearest neighbour in its own set (k = 3 in the paper and here by default).
 * <pre>
 *   precision = share of generated φ_g inside the real manifold:  ∃ r: ‖φ_g − φ_r‖ ≤ NN_k(φ_r)
 *   recall    = share of real φ_r inside the generated manifold:   ∃ g: ‖φ_r − φ_g‖ ≤ NN_k(φ_g)
 * </pre>
 * Precision measures fidelity (samples look like data), recall diversity (the data is covered).
 * The radii shrink as a set grows, so compare scores computed with the same set sizes.
 */
public final class PrecisionRecall {
    /** The paper's neighbourhood size. */
    public static final int K = 3;

    /** Both scores, each in [0, 1]. */
    public record Result(double precision, double recall) {}

    private PrecisionRecall() {}

    /** Precision and recall of {@code fake} against {@code real} with k-NN radii. */
    public static Result of(double[][] real, double[][] fake, int k) {
        return of(real, radii(real, k), fake, k);
    }

    /** The same, with the real set's radii already computed by {@link #radii(double[][], int)}. */
    public static Result of(double[][] real, double[] realRadii, double[][] fake, int k) {
        if (realRadii.length != real.length) throw new IllegalArgumentException("PrecisionRecall: " + real.length + " real vectors but " + realRadii.length + " radii");
        double[] fakeRadii = radii(fake, k);
        return new Result(coverage(fake, real, realRadii), coverage(real, fake, fakeRadii));
    }

    /**
     * The k-NN radius of each vector: the distance to its k-th nearest other vector of the same set
     * (returned squared, as the comparisons use squared distances). Needs more than k vectors.
     */
    public static double[] radii(double[][] x, int k) {
        if (k < 1 || x.length <= k) throw new IllegalArgumentException("PrecisionRecall: k = " + k + " needs more than k vectors, got " + x.length);
        int n = x.length;
        double[] out = new double[n];
        double[] best = new double[k]; // the k smallest squared distances so far, ascending
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
            for (int j = 0; j < n; j++) {
                if (j == i) continue;
                double d = Vectors.squaredDistance(x[i], x[j]);
                if (d < best[k - 1]) {
                    int p = k - 1;
                    while (p > 0 && best[p - 1] > d) {
                        best[p] = best[p - 1];
                        p--;
                    }
                    best[p] = d;
                }
            }
            out[i] = best[k - 1];
        }
        return out;
    }

    /** Share of {@code points} inside at least one ball (centre {@code centres[j]}, squared radius {@code radii2[j]}). */
    private static double coverage(double[][] points, double[][] centres, double[] radii2) {
        int inside = 0;
        for (double[] p : points) {
            for (int j = 0; j < centres.length; j++) {
                if (Vectors.squaredDistance(p, centres[j]) <= radii2[j]) {
                    inside++;
                    break;
                }
            }
        }
        return (double) inside / points.length;
    }
}
