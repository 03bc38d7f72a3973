package genlab.kernels.steps;

/**
 * Step 4, register blocking: compute a 4 × 4 tile of C at a time, keeping its 16 sums in local
 * variables (registers) for the whole sum over p. Each p loads 4 values of A and 4 of B and does
 * 16 multiply-adds, where step 3 loaded and stored C for every single one. Still plain Java
 * scalars; edges that do not fill a tile fall back to step 2's loop.
 */
public final class RegisterBlocked implements MatmulStep {
    @Override
    public String name() {
        return "register-blocked 4x4";
    }

    @Override
    public String idea() {
        return "16 sums of a 4×4 tile of C live in registers across the whole k loop";
    }

    @Override
    public void multiply(int m, int n, int k, float[] a, float[] b, float[] c) {
        int m4 = m - m % 4, n4 = n - n % 4;
        for (int i = 0; i < m4; i += 4) {
            for (int j = 0; j < n4; j += 4) {
                float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
                float c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
                int a0 = i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
                for (int p = 0; p < k; p++) {
                    int bo = p * n + j;
                    float b0 = b[bo], b1 = b[bo + 1], b2 = b[bo + 2], b3 = b[bo + 3];
                    float x = a[a0 + p];
                    c00 += x * b0; c01 += x * b1; c02 += x * b2; c03 += x * b3;
                    x = a[a1 + p];
                    c10 += x * b0; c11 += x * b1; c12 += x * b2; c13 += x * b3;
                    x = a[a2 + p];
                    c20 += x * b0; c21 += x * b1; c22 += x * b2; c23 += x * b3;
                    x = a[a3 + p];
                    c30 += x * b0; c31 += x * b1; c32 += x * b2; c33 += x * b3;
                }
                int co = i * n + j;
                c[co] = c00; c[co + 1] = c01; c[co + 2] = c02; c[co + 3] = c03;
                co += n;
                c[co] = c10; c[co + 1] = c11; c[co + 2] = c12; c[co + 3] = c13;
                co += n;
                c[co] = c20; c[co + 1] = c21; c[co + 2] = c22; c[co + 3] = c23;
                co += n;
                c[co] = c30; c[co + 1] = c31; c[co + 2] = c32; c[co + 3] = c33;
            }
        }
        // ragged edges: the columns past n4 for every row, and the rows past m4
        for (int i = 0; i < m; i++) {
            int jFrom = i < m4 ? n4 : 0;
            for (int j = jFrom; j < n; j++) {
                float s = 0;
                for (int p = 0; p < k; p++) s += a[i * k + p] * b[p * n + j];
                c[i * n + j] = s;
            }
        }
    }
}
