package genlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BatchesTest {
    @ParameterizedTest(name = "n={0} batch={1}")
    @CsvSource({"0,4", "1,1", "1,7", "7,1", "33,8", "64,8", "65,8", "100,33", "5,64"})
    void everyIndexExactlyOncePerEpoch(int n, int batch) {
        SplittableRandom rng = new SplittableRandom(n * 31L + batch);
        for (int epoch = 0; epoch < 3; epoch++) {
            List<int[]> bs = Batches.epoch(n, batch, false, rng);
            int[] seen = new int[n];
            for (int b = 0; b < bs.size(); b++) {
                int[] idx = bs.get(b);
                int expectedSize = b < bs.size() - 1 ? batch : n - batch * (bs.size() - 1);
                assertEquals(expectedSize, idx.length, "batch " + b);
                for (int i : idx) {
                    seen[i]++;
                }
            }
            for (int i = 0; i < n; i++) {
                assertEquals(1, seen[i], "index " + i + " in epoch " + epoch);
            }
            assertEquals((n + batch - 1) / batch, bs.size());
        }
    }

    @ParameterizedTest(name = "n={0} batch={1}")
    @CsvSource({"33,8", "64,8", "5,64", "10,3"})
    void dropLastKeepsOnlyFullBatchesWithoutRepeats(int n, int batch) {
        List<int[]> bs = Batches.epoch(n, batch, true, new SplittableRandom(7));
        assertEquals(n / batch, bs.size());
        boolean[] seen = new boolean[n];
        for (int[] idx : bs) {
            assertEquals(batch, idx.length);
            for (int i : idx) {
                assertFalse(seen[i], "repeated " + i);
                seen[i] = true;
            }
        }
        assertEquals(Batches.count(n, batch, true), bs.size());
    }

    @Test
    void sameSeedSameOrderDifferentSeedDifferentOrder() {
        int[] a = Batches.permutation(50, new SplittableRandom(1));
        int[] b = Batches.permutation(50, new SplittableRandom(1));
        int[] c = Batches.permutation(50, new SplittableRandom(2));
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
        // Successive epochs from one generator differ too.
        SplittableRandom rng = new SplittableRandom(3);
        assertFalse(java.util.Arrays.equals(Batches.epoch(50, 50, false, rng).get(0),
                Batches.epoch(50, 50, false, rng).get(0)));
    }

    @Test
    void permutationIsRoughlyUniform() {
        // Position of item 0 over many shuffles of 5: each of 5 slots ~ 1/5. Chi-square, 4 dof.
        int trials = 20000;
        int[] slot = new int[5];
        SplittableRandom rng = new SplittableRandom(11);
        for (int t = 0; t < trials; t++) {
            int[] p = Batches.permutation(5, rng);
            for (int k = 0; k < 5; k++) {
                if (p[k] == 0) {
                    slot[k]++;
                }
            }
        }
        double chi2 = 0;
        for (int s : slot) {
            double e = trials / 5.0;
            chi2 += (s - e) * (s - e) / e;
        }
        assertTrue(chi2 < 18.5, "chi2=" + chi2 + " counts=" + java.util.Arrays.toString(slot)); // p ~ 0.001
    }

    @Test
    void sequentialIsInOrderAndBadArgsFail() {
        List<int[]> bs = Batches.sequential(5, 2, false);
        assertArrayEquals(new int[] {0, 1}, bs.get(0));
        assertArrayEquals(new int[] {4}, bs.get(2));
        assertThrows(IllegalArgumentException.class, () -> Batches.epoch(5, 0, false, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> Batches.count(-1, 3, false));
    }
}
