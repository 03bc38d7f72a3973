package genlab.metrics;

/**
 * Scores for 2-D toy data (moons, 8 Gaussians, the 25-Gaussian grid), where samples can be compared
 * with the data directly.
 *
 * <h2>Grid divergences</h2>
 * Both point sets are binned into a {@value #BINS} x {@value #BINS} histogram over the square
 * [lo, hi]²; points outside it are counted in the nearest border cell, so every sample counts.
 * With P and Q the two histograms as probabilities:
 * <pre>
 *   KL(P ‖ Q) = Σ_c P_c ln(P_c / Q_c)        with P, Q smoothed: (count_c + ε)/(N + ε·900), ε = {@value #EPSILON}
 *   JS(P, Q)  = ½ KL(P ‖ M) + ½ KL(Q ‖ M),   M = (P + Q)/2, not smoothed
 * </pre>
 * in nats. KL is infinite when Q misses a cell P uses; the ε pseudo-count per cell keeps it finite
 * (a cell where P has one of N points and Q none costs about (1/N)·ln(1/ε): large but finite). JS needs no
 * smoothing (M &gt; 0 wherever P or Q is), is symmetric and lies in [0, ln 2]: 0 for equal
 * histograms, ln 2 for histograms with no common cell. Call it as {@code gridKl(data, samples, ...)}
 * for KL(data ‖ model), which punishes dropped modes.
 *
 * <h2>Mode coverage</h2>
 * For a mixture of Gaussians with known centres and standard deviation σ (Srivastava et al. 2017,
 * VEEGAN): a sample is of high quality when it lies within 3σ of its nearest centre; a mode is hit
 * when at least one high-quality sample has it as nearest centre.
 *
 * <p>Points are (N, 2) row-major float arrays: point i is (xy[2i], xy[2i+1]).
 */
public final class Toy2DScores {
    /** Cells per axis. */
    public static final int BINS = 30;
    /** Pseudo-count added to every cell for KL. */
    public static final double EPSILON = 1e-4;

    /** Result of {@link #modeCoverage}. */
    public record ModeCoverage(int modesHit, int modes, double highQualityShare) {}

    private Toy2DScores() {}

    /** KL(P ‖ Q) of the 30x30 histograms of {@code p} and {@code q} over [lo, hi]², smoothed (see the class comment). */
    public static double gridKl(float[] p, float[] q, double lo, double hi) {
        double[] hp = histogram(p, lo, hi), hq = histogram(q, lo, hi);
        double np = count(p), nq = count(q);
        double cells = BINS * BINS, kl = 0;
        for (int c = 0; c < hp.length; c++) {
            double pc = (hp[c] + EPSILON) / (np + EPSILON * cells);
            double qc = (hq[c] + EPSILON) / (nq + EPSILON * cells);
            kl += pc * Math.log(pc / qc);
        }
        return kl;
    }

    /** JS(P, Q) of the 30x30 histograms over [lo, hi]², in nats, in [0, ln 2]. */
    public static double gridJs(float[] p, float[] q, double lo, double hi) {
        double[] hp = histogram(p, lo, hi), hq = histogram(q, lo, hi);
        double np = count(p), nq = count(q), js = 0;
        for (int c = 0; c < hp.length; c++) {
            double pc = hp[c] / np, qc = hq[c] / nq, mc = 0.5 * (pc + qc);
            if (pc > 0) js += 0.5 * pc * Math.log(pc / mc);
            if (qc > 0) js += 0.5 * qc * Math.log(qc / mc);
        }
        return js;
    }

    /** Mode coverage of {@code samples} for modes at {@code modes} with standard deviation {@code sigma}. */
    public static ModeCoverage modeCoverage(float[] samples, float[] modes, double sigma) {
        int n = count(samples), m = count(modes);
        if (m == 0) throw new IllegalArgumentException("modeCoverage: no modes");
        if (!(sigma > 0)) throw new IllegalArgumentException("modeCoverage: sigma must be positive, got " + sigma);
        boolean[] hit = new boolean[m];
        int good = 0;
        double limit2 = 9 * sigma * sigma;
        for (int i = 0; i < n; i++) {
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                double dx = (double) samples[2 * i] - modes[2 * j], dy = (double) samples[2 * i + 1] - modes[2 * j + 1];
                double d2 = dx * dx + dy * dy;
                if (d2 < best) {
                    best = d2;
                    nearest = j;
                }
            }
            if (best <= limit2) {
                good++;
                hit[nearest] = true;
            }
        }
        int modesHit = 0;
        for (boolean h : hit) if (h) modesHit++;
        return new ModeCoverage(modesHit, m, n == 0 ? 0 : (double) good / n);
    }

    /** Counts per cell, cell index row-major (x bin, y bin). */
    static double[] histogram(float[] xy, double lo, double hi) {
        if (!(hi > lo)) throw new IllegalArgumentException("Toy2DScores: range [" + lo + ", " + hi + "] is empty");
        int n = count(xy);
        if (n == 0) throw new IllegalArgumentException("Toy2DScores: no points");
        double[] h = new double[BINS * BINS];
        for (int i = 0; i < n; i++) {
            float x = xy[2 * i], y = xy[2 * i + 1];
            if (Float.isNaN(x) || Float.isNaN(y)) throw new IllegalArgumentException("Toy2DScores: point " + i + " is (" + x + ", " + y + ")");
            h[bin(x, lo, hi) * BINS + bin(y, lo, hi)]++;
        }
        return h;
    }

    private static int bin(double v, double lo, double hi) {
        int b = (int) Math.floor((v - lo) / (hi - lo) * BINS);
        return Math.max(0, Math.min(BINS - 1, b));
    }

    private static int count(float[] xy) {
        if (xy.length % 2 != 0) throw new IllegalArgumentException("Toy2DScores: " + xy.length + " floats are not (N, 2) points");
        return xy.length / 2;
    }
}
