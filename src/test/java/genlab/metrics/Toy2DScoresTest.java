package genlab.metrics;

import genlab.data.Toy2D;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Toy2DScoresTest {
    @Test
    void identicalSamplesHaveZeroDivergence() {
        float[] p = Toy2D.moons(2000, 0.05, new SplittableRandom(1)).xy();
        assertEquals(0, Toy2DScores.gridKl(p, p.clone(), -2, 3), 1e-15);
        assertEquals(0, Toy2DScores.gridJs(p, p.clone(), -2, 3), 1e-15);
    }

    @Test
    void disjointSamplesHaveJsLogTwo() {
        float[] p = cluster(500, -1, -1, 0.05), q = cluster(700, 1, 1, 0.05);
        assertEquals(Math.log(2), Toy2DScores.gridJs(p, q, -2, 2), 1e-12);
        assertTrue(Toy2DScores.gridKl(p, q, -2, 2) > 5, "KL of disjoint histograms is large");
    }

    /** P all in one cell, Q half in that cell and half in another: KL(P‖Q) = ln 2 up to the ε smoothing. */
    @Test
    void klMatchesTheHistogramFormula() {
        float[] p = new float[2 * 100], q = new float[2 * 100];
        for (int i = 0; i < 100; i++) {
            p[2 * i] = 0.05f;
            p[2 * i + 1] = 0.05f;                    // cell (0, 0) of [0, 3]² with 30 bins of 0.1
            q[2 * i] = i < 50 ? 0.05f : 2.55f;       // cells (0, 0) and (25, 0)
            q[2 * i + 1] = 0.05f;
        }
        double e = Toy2DScores.EPSILON, z = 100 + e * 900;
        double expected = (100 + e) / z * Math.log((100 + e) / (50 + e)) + (e / z) * Math.log(e / (50 + e)) * 1;
        assertEquals(expected, Toy2DScores.gridKl(p, q, 0, 3), 1e-12);
        assertEquals(Math.log(2), expected, 2e-3); // the smoothing moves 900ε of 100 counts to the empty cells
        double js = 0.5 * Math.log(1 / 0.75) + 0.5 * (0.5 * Math.log(0.5 / 0.75) + 0.5 * Math.log(2));
        assertEquals(js, Toy2DScores.gridJs(p, q, 0, 3), 1e-12);
        assertEquals(Toy2DScores.gridJs(q, p, 0, 3), Toy2DScores.gridJs(p, q, 0, 3), 1e-15);
    }

    @Test
    void twoSamplesOfOneDistributionAreClose() {
        float[] a = Toy2D.eightGaussians(20_000, 2, 0.02 * 2, new SplittableRandom(1)).xy();
        float[] b = Toy2D.eightGaussians(20_000, 2, 0.02 * 2, new SplittableRandom(2)).xy();
        assertTrue(Toy2DScores.gridJs(a, b, -3, 3) < 0.01);
        assertTrue(Toy2DScores.gridKl(a, b, -3, 3) < 0.02);
    }

    @Test
    void pointsOutsideTheRangeCountInTheBorderCells() {
        float[] far = {100, -100, 100, -100};
        float[] border = {2.99f, -2.99f, 2.99f, -2.99f};
        assertEquals(0, Toy2DScores.gridJs(far, border, -3, 3), 0);
    }

    /**
     * Eight well separated modes with σ = 0.05: all are hit and the share within 3σ is, for an
     * isotropic 2-D Gaussian, P(‖x − μ‖ ≤ 3σ) = 1 − e^(−9/2) ≈ 0.98889.
     */
    @Test
    void modeCoverageOfAWellTrainedAndACollapsedGenerator() {
        double sigma = 0.05;
        float[] modes = Toy2D.eightGaussiansCentres(2).xy();
        float[] good = new float[2 * 40_000];
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 40_000; i++) {
            int m = i % 8;
            good[2 * i] = (float) (modes[2 * m] + sigma * rng.nextGaussian());
            good[2 * i + 1] = (float) (modes[2 * m + 1] + sigma * rng.nextGaussian());
        }
        Toy2DScores.ModeCoverage c = Toy2DScores.modeCoverage(good, modes, sigma);
        assertEquals(8, c.modesHit());
        assertEquals(8, c.modes());
        assertEquals(1 - Math.exp(-4.5), c.highQualityShare(), 0.003);

        float[] collapsed = Arrays.copyOf(good, 2 * 3);         // three samples, modes 0, 1, 2
        collapsed = Arrays.copyOf(collapsed, 2 * 4);
        collapsed[6] = 0;                                        // one sample at the origin, far from every mode
        collapsed[7] = 0;
        Toy2DScores.ModeCoverage cc = Toy2DScores.modeCoverage(collapsed, modes, sigma);
        assertEquals(3, cc.modesHit());
        assertEquals(0.75, cc.highQualityShare(), 0);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Toy2DScores.gridJs(new float[3], new float[2], 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Toy2DScores.gridJs(new float[2], new float[2], 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Toy2DScores.modeCoverage(new float[2], new float[0], 1));
    }

    private static float[] cluster(int n, double x, double y, double sd) {
        SplittableRandom rng = new SplittableRandom(n);
        float[] p = new float[2 * n];
        for (int i = 0; i < n; i++) {
            p[2 * i] = (float) (x + sd * rng.nextGaussian());
            p[2 * i + 1] = (float) (y + sd * rng.nextGaussian());
        }
        return p;
    }
}
