package genlab.metrics;

/**
 * The Inception Score (Salimans et al. 2016) with the project's MNIST classifier in place of
 * Inception-v3:
 * <pre>
 *   IS = exp( E_x KL(p(y|x) ‖ p(y)) ),   p(y) = E_x p(y|x)
 * </pre>
 * estimated over the whole set of N images (one split; the original code averages over 10 splits,
 * which gives slightly lower values for small N). IS lies between 1 (every image gets the same
 * class distribution, e.g. one repeated digit) and the number of classes, 10 (every image
 * classified with certainty and the classes used equally). It rewards confident, varied digits
 * and ignores whether they look like the data.
 */
public final class InceptionScore {
    private InceptionScore() {}

    /** IS from classifier logits, {@code logits[i]} the C logits of image i; computed in double. */
    public static double ofLogits(double[][] logits) {
        int n = logits.length;
        if (n == 0) throw new IllegalArgumentException("InceptionScore: no images");
        int c = logits[0].length;
        double[][] logp = new double[n][c];
        double[] marginal = new double[c];
        for (int i = 0; i < n; i++) {
            if (logits[i].length != c) throw new IllegalArgumentException("InceptionScore: rows of " + c + " and " + logits[i].length + " logits");
            double max = Double.NEGATIVE_INFINITY;
            for (double v : logits[i]) max = Math.max(max, v);
            double sum = 0;
            for (double v : logits[i]) sum += Math.exp(v - max);
            double lse = max + Math.log(sum);
            for (int y = 0; y < c; y++) {
                logp[i][y] = logits[i][y] - lse;
                marginal[y] += Math.exp(logp[i][y]) / n;
            }
        }
        double kl = 0;
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < c; y++) {
                double p = Math.exp(logp[i][y]);
                if (p > 0) kl += p * (logp[i][y] - Math.log(marginal[y])); // 0·log 0 = 0
            }
        }
        return Math.exp(kl / n);
    }
}
