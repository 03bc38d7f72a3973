package genlab.kernels.steps;

/**
 * Step 2, the same sums with the loops in the order i, p, j: row i of C accumulates
 * A[i, p] · (row p of B). Now the inner loop reads B and writes C contiguously, which the
 * hardware prefetches and the JIT turns into SIMD instructions on its own. Nothing else changed.
 */
public final class LoopReordered implements MatmulStep {
    @Override
    public String name() {
        return "loop order ikj";
    }

    @Override
    public String idea() {
        return "C[i,:] += A[i,p]·B[p,:]: the inner loop runs along rows, contiguous and vectorisable";
    }

    @Override
    public void multiply(int m, int n, int k, float[] a, float[] b, float[] c) {
        java.util.Arrays.fill(c, 0, m * n, 0f);
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                float aip = a[i * k + p];
                int bo = p * n, co = i * n;
                for (int j = 0; j < n; j++) c[co + j] += aip * b[bo + j];
            }
        }
    }
}
