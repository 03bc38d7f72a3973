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

    /** What computes the tile, in words (for the device string). */
    String describe();
}
