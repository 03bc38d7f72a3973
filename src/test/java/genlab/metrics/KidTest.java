package genlab.metrics;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KidTest {
    @Test
    void kernelIsTheCubicPolynomial() {
        double[] a = {1, 2, 3}, b = {-1, 0.5, 2};
        double t = (1 * -1 + 2 * 0.5 + 3 * 2) / 3.0 + 1;
        assertEquals(t * t * t, Kid.kernel(a, b), 1e-12);
    }

    /** The estimator against the definition written out with every (i, j) pair, i ≠ j. */
    @Test
    void unbiasedEstimatorMatchesTheDefinition() {
        SplittableRandom rng = new SplittableRandom(1);
        double[][] x = random(rng, 7, 4, 0), y = random(rng, 9, 4, 0.3);
        double xx = 0, yy = 0, xy = 0;
        for (int i = 0; i < x.length; i++) for (int j = 0; j < x.length; j++) if (i != j) xx += Kid.kernel(x[i], x[j]);
        for (int i = 0; i < y.length; i++) for (int j = 0; j < y.length; j++) if (i != j) yy += Kid.kernel(y[i], y[j]);
        for (double[] a : x) for (double[] b : y) xy += Kid.kernel(a, b);
        double expected = xx / (7 * 6) + yy / (9 * 8) - 2 * xy / (7 * 9);
        assertEquals(expected, Kid.mmd2Unbiased(x, y), 1e-12 * Math.abs(expected) + 1e-12);
    }

    /**
     * In one dimension k(x, y) = (xy + 1)³ = x³y³ + 3x²y² + 3xy + 1, so the population MMD² of P and
     * Q is (m₃ᴾ − m₃^Q)² + 3(m₂ᴾ − m₂^Q)² + 3(m₁ᴾ − m₁^Q)² with mₖ the raw moments. For N(0, 1) against
     * N(½, 1): m₁ 0 vs ½, m₂ 1 vs 5/4, m₃ 0 vs μ³ + 3μ = 13/8, so MMD² = 169/64 + 3/16 + 3/4.
     */
    @Test
    void averageOverSubsetsApproachesThePopulationMmd() {
        SplittableRandom rng = new SplittableRandom(2);
        double[][] p = random(rng, 20_000, 1, 0), q = random(rng, 20_000, 1, 0.5);
        double expected = 169.0 / 64 + 3.0 / 16 + 3.0 / 4;
        double kid = Kid.of(p, q, 50, 1000, new SplittableRandom(3));
        assertEquals(expected, kid, 0.1 * expected, "population MMD² " + expected + ", KID " + kid);
        double same = Kid.of(p, random(rng, 20_000, 1, 0), 50, 1000, new SplittableRandom(4));
        assertTrue(Math.abs(same) < 0.05 * expected, "two samples of N(0, 1): KID " + same);
    }

    @Test
    void isDeterministicGivenTheGenerator() {
        SplittableRandom rng = new SplittableRandom(5);
        double[][] x = random(rng, 300, 3, 0), y = random(rng, 300, 3, 1);
        assertEquals(Kid.of(x, y, 4, 100, new SplittableRandom(9)), Kid.of(x, y, 4, 100, new SplittableRandom(9)), 0);
        // subsets larger than the sets use all of them: every subset is then the whole set, shuffled
        double whole = Kid.mmd2Unbiased(x, y);
        assertEquals(whole, Kid.of(x, y, 3, 5000, new SplittableRandom(1)), 1e-12 * Math.abs(whole));
    }

    @Test
    void rejectsTooFewVectors() {
        assertThrows(IllegalArgumentException.class, () -> Kid.of(new double[][] {{1}}, new double[][] {{1}, {2}}, 1, 10, new SplittableRandom(0)));
    }

    static double[][] random(SplittableRandom rng, int n, int d, double shift) {
        double[][] x = new double[n][d];
        for (double[] row : x) for (int j = 0; j < d; j++) row[j] = shift + rng.nextGaussian();
        return x;
    }
}
