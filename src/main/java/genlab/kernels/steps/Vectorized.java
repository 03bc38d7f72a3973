package genlab.kernels.steps;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Step 5, SIMD: step 4's register tile, but each "register" is now a vector of L floats
 * (jdk.incubator.vector; L = 8 with AVX2, 16 with AVX-512). A tile is 4 rows × 2 vectors of C,
 * 8 vector sums; each p loads 2 vectors of B, broadcasts 4 values of A and issues 8 fused
 * multiply-adds, each doing L multiply-adds at once. Rows of B are read in place (no packing yet,
 * that is the project's {@code cpu} kernel), blocked over p so the slab of B stays in cache.
 *
 * <p>Loaded by name, only when the module is enabled ({@link Steps#all}): a JVM started without
 * {@code --add-modules jdk.incubator.vector} never sees this class.
 */
public final class Vectorized implements MatmulStep, RowBand {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length(), MR = 4, NR = 2 * L, KB = 256;

    @Override
    public String name() {
        return "vectorized (Vector API)";
    }

    @Override
    public String idea() {
        return "a 4×" + NR + " tile in 8 SIMD registers of " + S.vectorBitSize() + " bits, fused multiply-adds";
    }

    @Override
    public void multiply(int m, int n, int k, float[] a, float[] b, float[] c) {
        rows(0, m, n, k, a, b, c);
    }

    @Override
    public void rows(int i0, int i1, int n, int k, float[] a, float[] b, float[] c) {
        java.util.Arrays.fill(c, i0 * n, i1 * n, 0f);
        int iEnd = i0 + (i1 - i0) / MR * MR, jEnd = n / NR * NR;
        for (int p0 = 0; p0 < k; p0 += KB) {
            int p1 = Math.min(k, p0 + KB);
            for (int i = i0; i < iEnd; i += MR) {
                for (int j = 0; j < jEnd; j += NR) tile(i, j, p0, p1, n, k, a, b, c);
            }
            // ragged edges in plain Java: columns past jEnd of the tiled rows, and the rows past iEnd
            for (int i = i0; i < i1; i++) {
                for (int p = p0; p < p1; p++) {
                    float aip = a[i * k + p];
                    for (int j = i < iEnd ? jEnd : 0; j < n; j++) c[i * n + j] += aip * b[p * n + j];
                }
            }
        }
    }

    /** C[i..i+4, j..j+NR] += A[i..i+4, p0..p1] · B[p0..p1, j..j+NR]. */
    private static void tile(int i, int j, int p0, int p1, int n, int k, float[] a, float[] b, float[] c) {
        int r0 = i * k, r1 = r0 + k, r2 = r1 + k, r3 = r2 + k;
        int c0 = i * n + j, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
        FloatVector s00 = FloatVector.fromArray(S, c, c0), s01 = FloatVector.fromArray(S, c, c0 + L);
        FloatVector s10 = FloatVector.fromArray(S, c, c1), s11 = FloatVector.fromArray(S, c, c1 + L);
        FloatVector s20 = FloatVector.fromArray(S, c, c2), s21 = FloatVector.fromArray(S, c, c2 + L);
        FloatVector s30 = FloatVector.fromArray(S, c, c3), s31 = FloatVector.fromArray(S, c, c3 + L);
        for (int p = p0; p < p1; p++) {
            int bo = p * n + j;
            FloatVector b0 = FloatVector.fromArray(S, b, bo), b1 = FloatVector.fromArray(S, b, bo + L);
            FloatVector x = FloatVector.broadcast(S, a[r0 + p]);
            s00 = x.fma(b0, s00); s01 = x.fma(b1, s01);
            x = FloatVector.broadcast(S, a[r1 + p]);
            s10 = x.fma(b0, s10); s11 = x.fma(b1, s11);
            x = FloatVector.broadcast(S, a[r2 + p]);
            s20 = x.fma(b0, s20); s21 = x.fma(b1, s21);
            x = FloatVector.broadcast(S, a[r3 + p]);
            s30 = x.fma(b0, s30); s31 = x.fma(b1, s31);
        }
        s00.intoArray(c, c0); s01.intoArray(c, c0 + L);
        s10.intoArray(c, c1); s11.intoArray(c, c1 + L);
        s20.intoArray(c, c2); s21.intoArray(c, c2 + L);
        s30.intoArray(c, c3); s31.intoArray(c, c3 + L);
    }
}
