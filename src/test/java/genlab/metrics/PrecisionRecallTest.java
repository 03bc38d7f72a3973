package genlab.metrics;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrecisionRecallTest {
    @Test
    void radiusIsTheDistanceToTheKthNearestOtherPoint() {
        double[][] line = {{0}, {1}, {2}, {4}, {8}};
        // k = 3, squared: from 0 the others are 1, 2, 4, 8 -> 4; from 1: 1, 1, 3, 7 -> 3; from 2: 1, 2, 2, 6 -> 2;
        // from 4: 2, 3, 4, 4 -> 4; from 8: 4, 6, 7, 8 -> 7.
        assertArrayEquals(new double[] {16, 9, 4, 16, 49}, PrecisionRecall.radii(line, 3), 0);
        assertArrayEquals(new double[] {1, 1, 1, 4, 16}, PrecisionRecall.radii(line, 1), 0);
    }

    /** Against a brute-force version that sorts every distance. */
    @Test
    void radiiMatchSortingAllDistances() {
        SplittableRandom rng = new SplittableRandom(3);
        double[][] x = KidTest.random(rng, 60, 5, 0);
        double[] got = PrecisionRecall.radii(x, 3);
        for (int i = 0; i < x.length; i++) {
            double[] d = new double[x.length - 1];
            for (int j = 0, k = 0; j < x.length; j++) if (j != i) d[k++] = Vectors.squaredDistance(x[i], x[j]);
            Arrays.sort(d);
            assertEquals(d[2], got[i], 1e-12);
        }
    }

    @Test
    void identicalSetsHaveFullPrecisionAndRecall() {
        double[][] x = KidTest.random(new SplittableRandom(1), 200, 4, 0);
        PrecisionRecall.Result r = PrecisionRecall.of(x, x.clone(), 3);
        assertEquals(1, r.precision(), 0);
        assertEquals(1, r.recall(), 0);
    }

    @Test
    void farApartSetsHaveNeither() {
        SplittableRandom rng = new SplittableRandom(2);
        PrecisionRecall.Result r = PrecisionRecall.of(KidTest.random(rng, 200, 4, 0), KidTest.random(rng, 200, 4, 100), 3);
        assertEquals(0, r.precision(), 0);
        assertEquals(0, r.recall(), 0);
    }

    /**
     * Mode collapse: real data has two far-apart clusters, the samples cover one. Precision stays
     * high (the samples are realistic), recall drops to about one half (half the data is missed).
     */
    @Test
    void modeCollapseKeepsPrecisionAndHalvesRecall() {
        SplittableRandom rng = new SplittableRandom(4);
        double[][] real = new double[2000][];
        for (int i = 0; i < real.length; i++) real[i] = KidTest.random(rng, 1, 2, i % 2 == 0 ? 0 : 50)[0];
        double[][] fake = KidTest.random(rng, 1000, 2, 0);
        PrecisionRecall.Result r = PrecisionRecall.of(real, fake, 3);
        assertTrue(r.precision() > 0.95, "precision " + r.precision());
        assertTrue(r.recall() > 0.4 && r.recall() < 0.52, "recall " + r.recall());
    }

    @Test
    void needsMoreThanKVectors() {
        assertThrows(IllegalArgumentException.class, () -> PrecisionRecall.radii(new double[][] {{0}, {1}, {2}}, 3));
    }
}
