package genlab.kernels.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@code jdk.incubator.vector} {@link MicroKernel}: a 6 × 2L tile (L = floats per SIMD
 * register: 8 with AVX2, 16 with AVX-512) held in 12 vector accumulators. Each k step loads two
 * vectors of B, broadcasts six values of A and issues 12 fused multiply-adds.
 *
 * <p>Only {@link VectorSupport} names this class, and only after it has checked that the module
 * is in the boot layer, so the class is never loaded on a JVM started without
 * {@code --add-modules jdk.incubator.vector}.
 *
 * <p>{@code -Dgenlab.vector.bits=256} forces 256-bit vectors (6 × 16 tiles) where the preferred
 * species is wider, to compare the two on AVX-512 machines.
 *
 * <p>The species is a {@code static final} constant on purpose: the JIT only turns vector
 * operations into SIMD instructions when the species is a compile-time constant; passed as an
 * argument, the same code runs about 50 times slower (measured).
 */
final class VectorMicroKernel implements MicroKernel {
    static final VectorSpecies<Float> S = Integer.getInteger("genlab.vector.bits", 0) == 256 ? FloatVector.SPECIES_256
            : FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final int MR = 6, NR = 2 * L;

    @Override
    public int mr() {
        return MR;
    }

    @Override
    public int nr() {
        return NR;
    }

    @Override
    public String describe() {
        return "jdk.incubator.vector " + S.vectorBitSize() + "-bit";
    }

    @Override
    public void tile(int kc, float[] a, int aOff, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, boolean add) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        for (int p = 0; p < kc; p++, aOff += MR, bOff += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bOff), b1 = FloatVector.fromArray(S, b, bOff + L);
            FloatVector ai = FloatVector.broadcast(S, a[aOff]);
            c00 = ai.fma(b0, c00); c01 = ai.fma(b1, c01);
            ai = FloatVector.broadcast(S, a[aOff + 1]);
            c10 = ai.fma(b0, c10); c11 = ai.fma(b1, c11);
            ai = FloatVector.broadcast(S, a[aOff + 2]);
            c20 = ai.fma(b0, c20); c21 = ai.fma(b1, c21);
            ai = FloatVector.broadcast(S, a[aOff + 3]);
            c30 = ai.fma(b0, c30); c31 = ai.fma(b1, c31);
            ai = FloatVector.broadcast(S, a[aOff + 4]);
            c40 = ai.fma(b0, c40); c41 = ai.fma(b1, c41);
            ai = FloatVector.broadcast(S, a[aOff + 5]);
            c50 = ai.fma(b0, c50); c51 = ai.fma(b1, c51);
        }
        store(c00, c01, c, cOff, add);
        store(c10, c11, c, cOff + ldc, add);
        store(c20, c21, c, cOff + 2 * ldc, add);
        store(c30, c31, c, cOff + 3 * ldc, add);
        store(c40, c41, c, cOff + 4 * ldc, add);
        store(c50, c51, c, cOff + 5 * ldc, add);
    }

    /** The six values of each step written together, from six row (or column) offsets fixed once. */
    @Override
    public void packA(int kc, float[] a, int aOff, int rowStride, int colStride, float[] dst, int dOff) {
        int a0 = aOff, a1 = a0 + rowStride, a2 = a1 + rowStride, a3 = a2 + rowStride, a4 = a3 + rowStride, a5 = a4 + rowStride;
        for (int p = 0, q = 0; p < kc; p++, q += colStride, dOff += MR) {
            dst[dOff] = a[a0 + q];
            dst[dOff + 1] = a[a1 + q];
            dst[dOff + 2] = a[a2 + q];
            dst[dOff + 3] = a[a3 + q];
            dst[dOff + 4] = a[a4 + q];
            dst[dOff + 5] = a[a5 + q];
        }
    }

    /**
     * Each packed row of the sliver is one gather of L floats from L rows of b (offsets j·ldb) and
     * one contiguous store, twice: measured about 2.3 times as fast as the element-by-element copy
     * on AVX-512.
     */
    @Override
    public void packTransposed(int kc, float[] b, int bOff, int ldb, float[] dst, int dOff) {
        int[] rows = new int[NR];                                   // offsets of the sliver's NR rows of b
        for (int j = 0; j < NR; j++) rows[j] = j * ldb;
        for (int p = 0; p < kc; p++, dOff += NR) {
            FloatVector.fromArray(S, b, bOff + p, rows, 0).intoArray(dst, dOff);
            FloatVector.fromArray(S, b, bOff + p, rows, L).intoArray(dst, dOff + L);
        }
    }

    private static void store(FloatVector v0, FloatVector v1, float[] c, int off, boolean add) {
        if (add) {
            v0 = v0.add(FloatVector.fromArray(S, c, off));
            v1 = v1.add(FloatVector.fromArray(S, c, off + L));
        }
        v0.intoArray(c, off);
        v1.intoArray(c, off + L);
    }
}
