package genlab.kernels.steps;

/**
 * Step 3, cache blocking: the ikj loops of step 2, run over blocks of {@code KB} rows of B and
 * {@code NB} columns, so a KB × NB block of B (64 KiB here) stays in the L2 cache while every row
 * of A passes over it, instead of all of B streaming from memory once per row of A.
 */
public final class CacheBlocked implements MatmulStep {
    static final int KB = 128, NB = 128;

    @Override
    public String name() {
        return "cache-blocked";
    }

    @Override
    public String idea() {
        return "the same loops over " + KB + "×" + NB + " blocks of B, so each block is reused from cache";
    }

    @Override
    public void multiply(int m, int n, int k, float[] a, float[] b, float[] c) {
        java.util.Arrays.fill(c, 0, m * n, 0f);
        for (int p0 = 0; p0 < k; p0 += KB) {
            int p1 = Math.min(k, p0 + KB);
            for (int j0 = 0; j0 < n; j0 += NB) {
                int j1 = Math.min(n, j0 + NB);
                for (int i = 0; i < m; i++) {
                    int co = i * n;
                    for (int p = p0; p < p1; p++) {
                        float aip = a[i * k + p];
                        int bo = p * n;
                        for (int j = j0; j < j1; j++) c[co + j] += aip * b[bo + j];
                    }
                }
            }
        }
    }
}
