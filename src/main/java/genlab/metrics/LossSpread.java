package genlab.metrics;

/**
 * The spread of a training loss across seeds and across steps.
 *
 * <p>Across seeds: the final losses x_1 … x_n of n runs that differ only in the seed, as
 * mean ± sample standard deviation,
 * <pre>
 *   mean = Σ x_i / n,   std = √( Σ (x_i − mean)² / (n − 1) )   (0 for n = 1)
 * </pre>
 * Across steps: the coefficient of variation of the per-step losses ℓ over the last fraction q of
 * training (the last m = max(2, ⌈q·N⌉) of N steps), where the curve is nearly flat and what is left is
 * step-to-step noise (minibatch noise, and for a GAN the two players' oscillation):
 * <pre>
 *   CV = std(ℓ_{N−m+1} … ℓ_N) / |mean(ℓ_{N−m+1} … ℓ_N)|
 * </pre>
 */
public final class LossSpread {
    private LossSpread() {}

    /** The arithmetic mean. */
    public static double mean(double[] x) {
        if (x.length == 0) throw new IllegalArgumentException("LossSpread: no values");
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    /** The sample standard deviation (n − 1 in the denominator); 0 for one value. */
    public static double std(double[] x) {
        double m = mean(x);
        if (x.length == 1) return 0;
        double s = 0;
        for (double v : x) s += (v - m) * (v - m);
        return Math.sqrt(s / (x.length - 1));
    }

    /** CV of the last {@code fraction} (0 &lt; q ≤ 1) of the per-step losses; NaN if their mean is 0. */
    public static double tailCv(double[] losses, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) throw new IllegalArgumentException("LossSpread: fraction must be in (0, 1], got " + fraction);
        if (losses.length < 2) throw new IllegalArgumentException("LossSpread: need at least 2 step losses, got " + losses.length);
        int m = Math.min(losses.length, Math.max(2, (int) Math.ceil(fraction * losses.length)));
        double[] tail = java.util.Arrays.copyOfRange(losses, losses.length - m, losses.length);
        double mean = mean(tail);
        return mean == 0 ? Double.NaN : std(tail) / Math.abs(mean);
    }
}
