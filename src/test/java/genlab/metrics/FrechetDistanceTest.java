package genlab.metrics;

import genlab.tensor.Cases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrechetDistanceTest {
    static LongStream seeds() {
        return Cases.seeds();
    }

    /** A random 2x2 covariance L Lᵀ + 0.1 I. */
    private static double[][] cov2(SplittableRandom rng) {
        double a = rng.nextGaussian(), b = rng.nextGaussian(), c = rng.nextGaussian();
        return new double[][] {{a * a + 0.1, a * b}, {a * b, b * b + c * c + 0.1}};
    }

    /**
     * In 2-D the trace of the square root has a closed form: a 2x2 PSD matrix M with eigenvalues
     * λ₁, λ₂ has tr √M = √λ₁ + √λ₂ = √(tr M + 2√det M); with M = Σ₁^½ Σ₂ Σ₁^½, tr M = tr(Σ₁Σ₂) and
     * det M = det Σ₁ det Σ₂. So d² = ‖Δμ‖² + tr Σ₁ + tr Σ₂ − 2√(tr(Σ₁Σ₂) + 2√(det Σ₁ det Σ₂)),
     * for covariances that do not commute.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void matchesTheTwoDimensionalClosedForm(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] s1 = cov2(rng), s2 = cov2(rng);
        double[] m1 = {rng.nextGaussian(), rng.nextGaussian()}, m2 = {rng.nextGaussian(), rng.nextGaussian()};
        double trProd = s1[0][0] * s2[0][0] + s1[0][1] * s2[1][0] + s1[1][0] * s2[0][1] + s1[1][1] * s2[1][1];
        double det1 = s1[0][0] * s1[1][1] - s1[0][1] * s1[1][0], det2 = s2[0][0] * s2[1][1] - s2[0][1] * s2[1][0];
        double dm = (m1[0] - m2[0]) * (m1[0] - m2[0]) + (m1[1] - m2[1]) * (m1[1] - m2[1]);
        double expected = dm + s1[0][0] + s1[1][1] + s2[0][0] + s2[1][1] - 2 * Math.sqrt(trProd + 2 * Math.sqrt(det1 * det2));
        double got = FrechetDistance.of(new FeatureStats(m1, s1), new FeatureStats(m2, s2));
        assertEquals(expected, got, 1e-10 * Math.max(1, expected), "seed " + seed);
        assertEquals(got, FrechetDistance.of(new FeatureStats(m2, s2), new FeatureStats(m1, s1)), 1e-10 * Math.max(1, got), "symmetric");
    }

    /** Diagonal covariances commute: d² = ‖Δμ‖² + Σⱼ (σ₁ⱼ − σ₂ⱼ)². */
    @Test
    void matchesTheClosedFormForDiagonalCovariances() {
        SplittableRandom rng = new SplittableRandom(7);
        int d = 20;
        double[] m1 = new double[d], m2 = new double[d];
        double[][] s1 = new double[d][d], s2 = new double[d][d];
        double expected = 0;
        for (int j = 0; j < d; j++) {
            m1[j] = rng.nextGaussian();
            m2[j] = rng.nextGaussian();
            double sd1 = 0.1 + rng.nextDouble(), sd2 = 0.1 + rng.nextDouble();
            s1[j][j] = sd1 * sd1;
            s2[j][j] = sd2 * sd2;
            expected += (m1[j] - m2[j]) * (m1[j] - m2[j]) + (sd1 - sd2) * (sd1 - sd2);
        }
        assertEquals(expected, FrechetDistance.of(new FeatureStats(m1, s1), new FeatureStats(m2, s2)), 1e-10 * expected);
    }

    @Test
    void isZeroForIdenticalStatistics() {
        double[][] s = SymmetricEigenTest.randomPsd(new SplittableRandom(3), 30, 12); // singular, as ReLU features often are
        double[] m = new double[30];
        FeatureStats a = new FeatureStats(m, s);
        double trace = 0;
        for (int i = 0; i < 30; i++) trace += s[i][i];
        // √ of the round-off eigenvalues (~1e-13) of the singular part adds ~1e-7 each: relative 1e-8 of tr Σ.
        assertEquals(0, FrechetDistance.of(a, a), 1e-7 * trace);
    }

    /**
     * Samples: two samples of one Gaussian give nearly 0, and samples of two different Gaussians
     * give nearly the closed form (diagonal case) — the estimate's bias shrinks like 1/N.
     */
    @Test
    void samplesOfGaussiansApproachTheirPopulationDistance() {
        SplittableRandom rng = new SplittableRandom(11);
        int n = 20_000, d = 5;
        double[] sdA = {1, 2, 0.5, 1, 1}, sdB = {1.5, 1, 0.5, 2, 1};
        double[] muB = {1, 0, 0, -1, 0.5};
        double[][] a1 = gaussian(rng, n, new double[d], sdA), a2 = gaussian(rng, n, new double[d], sdA);
        double[][] b = gaussian(rng, n, muB, sdB);
        double same = FrechetDistance.of(a1, a2);
        double expected = 0;
        for (int j = 0; j < d; j++) expected += muB[j] * muB[j] + (sdA[j] - sdB[j]) * (sdA[j] - sdB[j]);
        double different = FrechetDistance.of(a1, b);
        assertTrue(Math.abs(same) < 0.01, "two samples of one Gaussian: d² = " + same);
        assertEquals(expected, different, 0.02 * expected, "closed form " + expected + ", from samples " + different);
    }

    private static double[][] gaussian(SplittableRandom rng, int n, double[] mu, double[] sd) {
        double[][] x = new double[n][mu.length];
        for (double[] row : x) for (int j = 0; j < mu.length; j++) row[j] = mu[j] + sd[j] * rng.nextGaussian();
        return x;
    }

    @Test
    void featureStatsMatchTheTextbookFormulas() {
        double[][] x = {{1, 2}, {3, 6}, {5, 7}};
        FeatureStats s = FeatureStats.of(x);
        assertEquals(3, s.mean()[0], 1e-15);
        assertEquals(5, s.mean()[1], 1e-15);
        // Σ = (1/(N−1)) Σ (x − μ)(x − μ)ᵀ: deviations (−2, −3), (0, 1), (2, 2)
        assertEquals((4 + 0 + 4) / 2.0, s.covariance()[0][0], 1e-15);
        assertEquals((6 + 0 + 4) / 2.0, s.covariance()[0][1], 1e-15);
        assertEquals((9 + 1 + 4) / 2.0, s.covariance()[1][1], 1e-15);
        assertEquals(s.covariance()[0][1], s.covariance()[1][0], 0);
        assertThrows(IllegalArgumentException.class, () -> FeatureStats.of(new double[][] {{1, 2}}));
    }
}
