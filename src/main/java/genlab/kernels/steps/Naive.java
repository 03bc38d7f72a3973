package genlab.kernels.steps;

/**
 * Step 1, the definition: for each (i, j), a dot product of row i of A with column j of B
 * (loop order i, j, p). The inner loop walks B down a column, {@code n} floats apart: every
 * multiply-add touches a new cache line of B, so memory, not arithmetic, sets the speed.
 */
public final class Naive implements MatmulStep {
    @Override
    public String name() {
        return "naive (ijk)";
    }

    @Override
    public String idea() {
        return "C[i,j] = sum_p A[i,p]·B[p,j], one dot product per element";
    }

    @Override
    public void multiply(int m, int n, int k, float[] a, float[] b, float[] c) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0;
                for (int p = 0; p < k; p++) s += a[i * k + p] * b[p * n + j];
                c[i * n + j] = s;
            }
        }
    }
}
