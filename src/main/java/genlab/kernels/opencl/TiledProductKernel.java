package genlab.kernels.opencl;

import com.aparapi.Kernel;

/**
 * A tiled matrix product on the device, {@code C[t] = A[t]·B[t]}, where the subclass says where
 * each element {@code A[t](i, p)} and {@code B[t](p, j)} comes from: a stored matrix (plain or
 * transposed, {@link GemmKernel}) or a convolution's input read through its window
 * ({@link Conv2dKernel} and its two adjoints), so the column matrix of im2col is never built.
 *
 * <p>{@code C[t]} is (m, n), row-major, at {@code c[t·m·n]}; {@code t} is the third range axis.
 * Each work-group computes one {@value #TILE}×{@value #TILE} block of C: work-item (x, y) of the
 * {@value #TILE}×{@value #GROUP_ROWS} group owns column x and the {@value #ROWS_PER_ITEM} rows
 * y, y + 8, y + 16, y + 24 (more work per item keeps more of the product in registers). The k axis
 * is walked in steps of {@value #TILE}: the group copies a {@value #TILE}×{@value #TILE} tile of A and
 * one of B into local memory, waits at a barrier, and every item reads its products from the tiles,
 * so each element of A and B is read from global memory once per block rather than once per
 * product. Elements outside (m, k) or (k, n) load as 0, so odd sizes need no padding.
 *
 * <p>Aparapi turns {@link #run()} and the methods it calls into OpenCL C; fields are the kernel's
 * arguments. The loads copy consecutive k (or consecutive rows/columns) with consecutive work
 * items, whichever is the operand's contiguous axis ({@link #aAlongK}, {@link #bAlongK}), so that
 * neighbouring work items read neighbouring addresses. The tiles have one spare column so that a
 * column read does not hit the same local-memory bank {@value #TILE} times.
 */
public abstract class TiledProductKernel extends Kernel {
    /** Rows and columns of C per work-group, and the step along k. */
    public static final int TILE = 32;
    /** Rows of C each work item accumulates. */
    public static final int ROWS_PER_ITEM = 4;
    /** Work items per group along the rows: TILE / ROWS_PER_ITEM. */
    public static final int GROUP_ROWS = TILE / ROWS_PER_ITEM;
    private static final int PITCH = TILE + 1;

    /** The two stored operands; the subclass's {@link #loadA} and {@link #loadB} read them. */
    float[] a = new float[1];
    float[] b = new float[1];
    /** The result, (batch, m, n). */
    float[] c = new float[1];
    int m = 1, n = 1, k = 1;
    /** 1 when the stored A is contiguous along k (so consecutive items load consecutive k), else along rows. */
    int aAlongK = 1;
    /** 1 when the stored B is contiguous along k, else along columns. */
    int bAlongK;

    @Local final float[] aTile = new float[TILE * PITCH];   // aTile[i·PITCH + p]: A(row0 + i, p0 + p)
    @Local final float[] bTile = new float[TILE * PITCH];   // bTile[p·PITCH + j]: B(p0 + p, col0 + j)

    /** A[t](i, p) for i < m, p < k. */
    protected abstract float loadA(int t, int i, int p);

    /** B[t](p, j) for p < k, j < n. */
    protected abstract float loadB(int t, int p, int j);

    @Override
    public void run() {
        int x = getLocalId(0), y = getLocalId(1);
        int col0 = getGroupId(0) * TILE, row0 = getGroupId(1) * TILE, t = getGlobalId(2);
        float acc0 = 0f, acc1 = 0f, acc2 = 0f, acc3 = 0f;
        for (int p0 = 0; p0 < k; p0 += TILE) {
            for (int w = 0; w < ROWS_PER_ITEM; w++) {
                // (u, v): u runs with x over consecutive work items, v with y.
                int u = x, v = y + w * GROUP_ROWS;
                int ai = v, ap = u;
                if (aAlongK == 0) {
                    ai = u;
                    ap = v;
                }
                float av = 0f;
                if (row0 + ai < m && p0 + ap < k) av = loadA(t, row0 + ai, p0 + ap);
                aTile[ai * PITCH + ap] = av;
                int bp = v, bj = u;
                if (bAlongK == 1) {
                    bp = u;
                    bj = v;
                }
                float bv = 0f;
                if (p0 + bp < k && col0 + bj < n) bv = loadB(t, p0 + bp, col0 + bj);
                bTile[bp * PITCH + bj] = bv;
            }
            localBarrier();
            for (int p = 0; p < TILE; p++) {
                float bv = bTile[p * PITCH + x];
                acc0 += aTile[y * PITCH + p] * bv;
                acc1 += aTile[(y + GROUP_ROWS) * PITCH + p] * bv;
                acc2 += aTile[(y + 2 * GROUP_ROWS) * PITCH + p] * bv;
                acc3 += aTile[(y + 3 * GROUP_ROWS) * PITCH + p] * bv;
            }
            localBarrier();
        }
        int j = col0 + x;
        if (j < n) {
            int base = t * m * n + j;
            int i = row0 + y;
            if (i < m) c[base + i * n] = acc0;
            i += GROUP_ROWS;
            if (i < m) c[base + i * n] = acc1;
            i += GROUP_ROWS;
            if (i < m) c[base + i * n] = acc2;
            i += GROUP_ROWS;
            if (i < m) c[base + i * n] = acc3;
        }
    }
}
