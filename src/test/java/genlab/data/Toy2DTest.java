package genlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Toy2DTest {
    private static SplittableRandom rng(long seed) {
        return new SplittableRandom(seed);
    }

    @ParameterizedTest
    @EnumSource(Toy2D.class)
    void deterministicForASeedAndDifferentAcrossSeeds(Toy2D toy) {
        Points a = toy.sample(500, rng(42));
        Points b = toy.sample(500, rng(42));
        Points c = toy.sample(500, rng(43));
        assertEquals(500, a.size());
        assertArrayEquals(a.xy(), b.xy());
        assertFalse(Arrays.equals(a.xy(), c.xy()), toy + ": seeds 42 and 43 gave the same points");
        for (float v : a.xy()) {
            assertTrue(Float.isFinite(v) && Math.abs(v) < 6, toy + ": " + v);
        }
        assertEquals(toy, Toy2D.byName(toy.key()));
        assertEquals(0, toy.sample(0, rng(1)).size());
    }

    @Test
    void byNameListsValidNamesInItsError() {
        assertEquals(List.of("moons", "8gaussians", "grid25", "swissroll", "checkerboard", "circles"), Toy2D.names());
        assertEquals(Toy2D.EIGHT_GAUSSIANS, Toy2D.byName(" 8Gaussians "));
        String m = assertThrows(IllegalArgumentException.class, () -> Toy2D.byName("spiral")).getMessage();
        assertTrue(m.contains("\"spiral\"") && m.contains("moons, 8gaussians, grid25, swissroll, checkerboard, circles"), m);
    }

    @Test
    void noiselessMoonsHaveExactMeanAndExtent() {
        // Evenly spaced angles: sum cos = 0 over [0, pi] and the sines cancel between the moons,
        // so mean = (0.5, 0.25) exactly for even n; x in [-1, 2], y in [-0.5, 1].
        Points p = Toy2D.moons(1000, 0, rng(5));
        assertEquals(0.5, p.mean()[0], 1e-6);
        assertEquals(0.25, p.mean()[1], 1e-6);
        float minX = Float.MAX_VALUE, maxX = -Float.MAX_VALUE, minY = Float.MAX_VALUE, maxY = -Float.MAX_VALUE;
        int upper = 0;
        for (int i = 0; i < p.size(); i++) {
            minX = Math.min(minX, p.x(i));
            maxX = Math.max(maxX, p.x(i));
            minY = Math.min(minY, p.y(i));
            maxY = Math.max(maxY, p.y(i));
            // upper moon on the unit circle, lower moon on the unit circle centred at (1, 0.5)
            double r = p.labels()[i] == 0 ? Math.hypot(p.x(i), p.y(i)) : Math.hypot(p.x(i) - 1, p.y(i) - 0.5);
            assertEquals(1.0, r, 1e-5);
            upper += p.labels()[i] == 0 ? 1 : 0;
        }
        assertEquals(500, upper);
        assertEquals(-1f, minX, 1e-6);
        assertEquals(2f, maxX, 1e-6);
        assertEquals(-0.5f, minY, 1e-4); // 500 evenly spaced angles miss pi/2 by a little
        assertEquals(1f, maxY, 1e-4);
        // shuffled: labels are not in two blocks
        assertFalse(p.labels()[0] == p.labels()[1] && p.labels()[1] == p.labels()[2] && p.labels()[2] == p.labels()[3]
                && p.labels()[3] == p.labels()[4] && p.labels()[4] == p.labels()[5] && p.labels()[5] == p.labels()[6]);
    }

    @Test
    void noisyMoonsAreTheShuffledMoonsPlusGaussianNoise() {
        // As in scikit-learn the shuffle comes first, so the same seed gives the same order and
        // noisy - clean is the noise alone: mean 0, std = noise in each coordinate.
        Points clean = Toy2D.moons(20000, 0, rng(8));
        Points noisy = Toy2D.moons(20000, 0.1, rng(8));
        assertArrayEquals(clean.labels(), noisy.labels());
        float[] diff = new float[clean.xy().length];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = noisy.xy()[i] - clean.xy()[i];
        }
        Points noise = new Points(diff);
        for (int k = 0; k < 2; k++) {
            assertEquals(0, noise.mean()[k], 0.003, "noise mean, coordinate " + k);
            assertEquals(0.1, noise.std()[k], 0.003, "noise std, coordinate " + k);
        }
        assertEquals(0.5, noisy.mean()[0], 0.005);
        assertEquals(0.25, noisy.mean()[1], 0.005);
    }

    @Test
    void eightGaussiansSitOnARingOfRadiusTwoInEightClusters() {
        int n = 8000;
        Points p = Toy2D.EIGHT_GAUSSIANS.sample(n, rng(3));
        Points modes = Toy2D.EIGHT_GAUSSIANS.modes();
        assertEquals(8, modes.size());
        int[] perMode = new int[8];
        double sumR = 0;
        for (int i = 0; i < n; i++) {
            double r = Math.hypot(p.x(i), p.y(i));
            sumR += r;
            assertEquals(2.0, r, 0.15); // 7 std of 0.02 in each coordinate
            int nearest = nearest(modes, p.x(i), p.y(i));
            assertEquals(p.labels()[i], nearest, "point " + i + " labelled with another mode");
            perMode[nearest]++;
            // the angle of a mode centre is a multiple of 45 degrees
            assertEquals(0.0, Math.IEEEremainder(Math.atan2(modes.y(nearest), modes.x(nearest)), Math.PI / 4), 1e-6);
        }
        assertEquals(2.0, sumR / n, 0.002);
        for (int k = 0; k < 8; k++) {
            assertEquals(n / 8.0, perMode[k], 5 * Math.sqrt(n / 8.0), "mode " + k + ": " + Arrays.toString(perMode));
        }
        // within-cluster spread is the std parameter
        Points wide = Toy2D.eightGaussians(20000, 2, 0.3, rng(4));
        double sq = 0;
        for (int i = 0; i < wide.size(); i++) {
            int k = wide.labels()[i];
            double dx = wide.x(i) - 2 * Math.cos(Math.PI / 4 * k);
            double dy = wide.y(i) - 2 * Math.sin(Math.PI / 4 * k);
            sq += dx * dx + dy * dy;
        }
        assertEquals(0.3, Math.sqrt(sq / (2 * wide.size())), 0.006);
    }

    @Test
    void grid25CoversTwentyFiveCentresOnTheGrid() {
        int n = 10000;
        Points p = Toy2D.GRID25.sample(n, rng(9));
        Points modes = Toy2D.GRID25.modes();
        assertEquals(25, modes.size());
        for (int k = 0; k < 25; k++) {
            // each centre on the lattice 2Z x 2Z within [-4, 4]
            assertEquals(0.0, Math.IEEEremainder(modes.x(k), 2), 1e-6);
            assertEquals(0.0, Math.IEEEremainder(modes.y(k), 2), 1e-6);
            assertTrue(Math.abs(modes.x(k)) <= 4 && Math.abs(modes.y(k)) <= 4);
        }
        int[] perMode = new int[25];
        for (int i = 0; i < n; i++) {
            int k = nearest(modes, p.x(i), p.y(i));
            assertEquals(p.labels()[i], k);
            assertTrue(Math.hypot(p.x(i) - modes.x(k), p.y(i) - modes.y(k)) < 0.5);
            perMode[k]++;
        }
        for (int k = 0; k < 25; k++) {
            assertEquals(n / 25.0, perMode[k], 5 * Math.sqrt(n / 25.0), Arrays.toString(perMode));
        }
        assertEquals(0, p.mean()[0], 0.1);
        assertEquals(0, p.mean()[1], 0.1);
        // distinct centres
        long distinct = java.util.stream.IntStream.range(0, 25).mapToObj(k -> modes.x(k) + "," + modes.y(k)).distinct().count();
        assertEquals(25, distinct);
    }

    @Test
    void noiselessSwissRollLiesOnTheSpiral() {
        Points p = Toy2D.swissRoll(2000, 0, rng(12));
        for (int i = 0; i < p.size(); i++) {
            double t = 5 * Math.hypot(p.x(i), p.y(i)); // |(t cos t, t sin t)| = t
            assertTrue(t >= 1.5 * Math.PI - 1e-4 && t <= 4.5 * Math.PI + 1e-4, "t=" + t);
            assertEquals(t * Math.cos(t) / 5, p.x(i), 1e-4);
            assertEquals(t * Math.sin(t) / 5, p.y(i), 1e-4);
        }
        Points noisy = Toy2D.SWISS_ROLL.sample(20000, rng(12));
        assertTrue(noisy.std()[0] > 0.8 && noisy.std()[0] < 2.0, Arrays.toString(noisy.std()));
    }

    @Test
    void checkerboardFillsTheEvenCellsUniformly() {
        int n = 16000;
        Points p = Toy2D.CHECKERBOARD.sample(n, rng(21));
        int[][] cells = new int[4][4];
        for (int i = 0; i < n; i++) {
            assertTrue(p.x(i) >= -4 && p.x(i) < 4 && p.y(i) >= -4 && p.y(i) < 4, p.x(i) + "," + p.y(i));
            int cx = (int) Math.floor(p.x(i) / 2);
            int cy = (int) Math.floor(p.y(i) / 2);
            assertEquals(0, Math.floorMod(cx + cy, 2), "point in an odd cell: " + p.x(i) + "," + p.y(i));
            cells[cx + 2][cy + 2]++;
        }
        for (int cx = 0; cx < 4; cx++) {
            for (int cy = 0; cy < 4; cy++) {
                if ((cx + cy) % 2 == 0) {
                    assertEquals(n / 8.0, cells[cx][cy], 5 * Math.sqrt(n / 8.0), Arrays.deepToString(cells));
                }
            }
        }
        assertEquals(0, p.mean()[0], 0.06);
        assertEquals(0, p.mean()[1], 0.06);
    }

    @Test
    void circlesHaveRadiiOneAndFactor() {
        Points p = Toy2D.circles(1001, 0.3, 0, rng(2));
        int inner = 0;
        for (int i = 0; i < p.size(); i++) {
            double r = Math.hypot(p.x(i), p.y(i));
            assertEquals(p.labels()[i] == 0 ? 1.0 : 0.3, r, 1e-6);
            inner += p.labels()[i];
        }
        assertEquals(501, inner); // n_out = n / 2 rounded down, the rest inner
        assertEquals(0, p.mean()[0], 1e-6);
        assertEquals(0, p.mean()[1], 1e-6);
        assertThrows(IllegalArgumentException.class, () -> Toy2D.circles(10, 1.5, 0, rng(1)));
    }

    @Test
    void onlyTheMixturesHaveModes() {
        for (Toy2D t : Toy2D.values()) {
            boolean mixture = t == Toy2D.EIGHT_GAUSSIANS || t == Toy2D.GRID25;
            assertEquals(mixture, t.hasModes(), t.toString());
        }
        assertNull(Toy2D.SWISS_ROLL.sample(3, rng(1)).labels());
    }

    @Test
    void standardizedHasZeroMeanUnitStd() {
        Points p = Toy2D.MOONS.sample(3000, rng(77)).standardized();
        assertEquals(0, p.mean()[0], 1e-5);
        assertEquals(0, p.mean()[1], 1e-5);
        assertEquals(1, p.std()[0], 1e-5);
        assertEquals(1, p.std()[1], 1e-5);
        assertArrayEquals(new int[] {3000, 2}, p.tensor().shape());
        assertArrayEquals(new int[] {2, 2}, p.batch(new int[] {5, 9}).shape());
        assertEquals(p.x(9), p.batch(new int[] {5, 9}).data()[2]);
    }

    private static int nearest(Points centres, float x, float y) {
        int best = -1;
        double bestD = Double.MAX_VALUE;
        for (int k = 0; k < centres.size(); k++) {
            double d = Math.hypot(x - centres.x(k), y - centres.y(k));
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best;
    }
}
