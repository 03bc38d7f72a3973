package genlab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Mini-batch indices for one epoch over n items: a fresh random permutation (Fisher-Yates with
 * the caller's seeded generator) cut into consecutive batches of {@code batchSize}. Every index
 * appears exactly once per epoch; the last batch is smaller when n is not a multiple of the
 * batch size, or left out with {@code dropLast}.
 *
 * <p>Typical loop: {@code for (int[] idx : Batches.epoch(train.size(), 64, true, rng)) {
 * Tensor x = train.batch(idx); ... }}.
 */
public final class Batches {
    private Batches() {
    }

    /** The batches of one shuffled epoch; each int[] holds the item indices of one batch. */
    public static List<int[]> epoch(int n, int batchSize, boolean dropLast, RandomGenerator rng) {
        return cut(permutation(n, rng), batchSize, dropLast);
    }

    /** Batches of 0..n-1 in order, not shuffled (for evaluation passes). */
    public static List<int[]> sequential(int n, int batchSize, boolean dropLast) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return cut(order, batchSize, dropLast);
    }

    /** Number of batches an epoch has. */
    public static int count(int n, int batchSize, boolean dropLast) {
        checkArgs(n, batchSize);
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** A uniformly random permutation of 0..n-1 (Fisher-Yates, drawing from {@code rng}). */
    public static int[] permutation(int n, RandomGenerator rng) {
        if (n < 0) {
            throw new IllegalArgumentException("permutation: n must be >= 0, got " + n);
        }
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static List<int[]> cut(int[] order, int batchSize, boolean dropLast) {
        int n = order.length;
        int count = count(n, batchSize, dropLast);
        List<int[]> out = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            int from = b * batchSize;
            int to = Math.min(n, from + batchSize);
            int[] idx = new int[to - from]; // (B)
            System.arraycopy(order, from, idx, 0, to - from);
            out.add(idx);
        }
        return out;
    }

    private static void checkArgs(int n, int batchSize) {
        if (n < 0 || batchSize <= 0) {
            throw new IllegalArgumentException("batches: need n >= 0 and batchSize > 0, got n=" + n
                    + ", batchSize=" + batchSize);
        }
    }
}
