package genlab.kernels.cpu;

/**
 * The innermost block of {@link Gemm}: one {@code mr × nr} tile of C from a packed sliver of A
 * and a packed sliver of B.
 *
 * <p>C[i, j] = (add ? C[i, j] : 0) + Σ_{p < kc} a[aOff + p·mr + i] · b[bOff + p·ldb + j]
 * for i &lt; mr, j &lt; nr, with C read and written at {@code c[cOff + i·ldc + j]}.
 *
 * A is always packed; B is a packed sliver (ldb = nr) or, when its rows are already contiguous,
 * the matrix itself (ldb = its row stride).
 *
 * <p>The mr·nr sums live in registers for the whole k loop ("register blocking"): each step
 * loads mr values of A and nr values of B and does mr·nr multiply-adds, so arithmetic, not
 * memory, sets the speed. Each C element is summed in the same order (p = 0, 1, ...) whichever
 * tile or thread computes it, which keeps results bit-identical across thread counts.
 */
interface MicroKernel {
    /** Rows of the tile. */
    int mr();

    /** Columns of the tile. */
    int nr();

    /** Computes one full tile (see the class comment). */
    void tile(int kc, float[] a, int aOff, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, boolean add);

    /**
     * Packs one full sliver of A: dst[dOff + p·mr + r] = a[aOff + r·rowStride + p·colStride] for
     * p &lt; kc, r &lt; mr (rowStride = lda and colStride = 1 for A as stored, rowStride = 1 and
     * colStride = lda for a transposed A). Each packed group of mr values is written in one visit.
     */
    default void packA(int kc, float[] a, int aOff, int rowStride, int colStride, float[] dst, int dOff) {
        int mr = mr();
        for (int p = 0; p < kc; p++, dOff += mr) {
            for (int r = 0; r < mr; r++) dst[dOff + r] = a[aOff + r * rowStride + p * colStride];
        }
    }

    /**
     * Packs one full sliver of a transposed B: dst[dOff + p·nr + j] = b[bOff + j·ldb + p] for
     * p &lt; kc, j &lt; nr (column j of the sliver is row j of b). This transposing copy is what
     * a Linear layer's forward product y = x·Wᵀ costs besides the multiply-adds, about one float
     * per cycle element by element; four rows at a time here (nr is a multiple of 4), so each
     * packed row of the sliver gets four neighbouring floats per visit.
     */
    default void packTransposed(int kc, float[] b, int bOff, int ldb, float[] dst, int dOff) {
        int nr = nr();
        for (int j = 0; j < nr; j += 4) {
            int s0 = bOff + j * ldb, s1 = s0 + ldb, s2 = s1 + ldb, s3 = s2 + ldb, d = dOff + j;
            for (int p = 0; p < kc; p++, d += nr) {
                dst[d] = b[s0 + p];
                dst[d + 1] = b[s1 + p];
                dst[d + 2] = b[s2 + p];
                dst[d + 3] = b[s3 + p];
            }
        }
    }

    /** What computes the tile, in words (for the device string). */
    String describe();
}
