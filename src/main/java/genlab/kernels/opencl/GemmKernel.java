package genlab.kernels.opencl;

/**
 * {@code C[t] = op(A[t])·op(B[t])} on stored matrices, op(M) = M or Mᵀ, as
 * {@link genlab.kernels.Kernels#gemm} specifies: A[t] is stored (m, k), or (k, m) when transposed,
 * at {@code a[t·m·k]}; B[t] is stored (k, n), or (n, k), at {@code b[t·k·n]}, or at 0 for every t
 * when B is broadcast. The tiling is {@link TiledProductKernel}'s; this class only says where an
 * element lives, and which stored axis is contiguous so that the tile loads coalesce. (Not final:
 * the fallback test plants a subclass that does not compile.)
 */
public class GemmKernel extends TiledProductKernel {
    int transA, transB, bBroadcast;

    /** Sets the sizes and layout of the next product (the operands are bound separately). */
    void shape(int m, int n, int k, boolean transA, boolean transB, boolean bBroadcast) {
        this.m = m;
        this.n = n;
        this.k = k;
        this.transA = transA ? 1 : 0;
        this.transB = transB ? 1 : 0;
        this.bBroadcast = bBroadcast ? 1 : 0;
        aAlongK = transA ? 0 : 1;   // A (m, k) is contiguous along k; Aᵀ stored (k, m) along rows
        bAlongK = transB ? 1 : 0;   // B (k, n) is contiguous along columns; Bᵀ stored (n, k) along k
    }

    @Override
    protected float loadA(int t, int i, int p) {
        int off = t * m * k;
        if (transA == 1) return a[off + p * m + i];
        return a[off + i * k + p];
    }

    @Override
    protected float loadB(int t, int p, int j) {
        int off = 0;
        if (bBroadcast == 0) off = t * k * n;
        if (transB == 1) return b[off + j * k + p];
        return b[off + p * n + j];
    }
}
