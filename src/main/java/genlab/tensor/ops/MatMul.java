package genlab.tensor.ops;

import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

import java.util.Arrays;

/**
 * Batched matrix product C = op(A)·op(B), op(M) = M or Mᵀ (no transposed copy is made: the kernel
 * reads the stored layout).
 *
 * <p>With G the gradient of C: ∂/∂op(A) = G·op(B)ᵀ and ∂/∂op(B) = op(A)ᵀ·G. Written as products
 * of the stored tensors this is four cases; each is again a {@code MatMul}, so the backward pass is
 * differentiable:
 * <pre>
 *   dA = G·op(B)ᵀ          (A stored plain)       dB = op(A)ᵀ·G          (B stored plain)
 *   dA = op(B)·Gᵀ          (A stored transposed)   dB = Gᵀ·op(A)          (B stored transposed)
 * </pre>
 */
public final class MatMul {
    private MatMul() {}

    /**
     * A (..., m, k) stored (or (..., k, m) when transA) times B (..., k, n) (or (..., n, k)), with
     * the same batch axes, or B of rank 2 shared by every batch.
     */
    public static Tensor apply(Tensor a, Tensor b, boolean transA, boolean transB) {
        int[] as = a.shape(), bs = b.shape();
        if (as.length < 2 || bs.length < 2) throw new IllegalArgumentException("matmul: need rank ≥ 2, got " + Shapes.str(as) + " and " + Shapes.str(bs));
        int ra = as.length, rb = bs.length;
        int m = transA ? as[ra - 1] : as[ra - 2], k = transA ? as[ra - 2] : as[ra - 1];
        int kb = transB ? bs[rb - 1] : bs[rb - 2], n = transB ? bs[rb - 2] : bs[rb - 1];
        if (k != kb) {
            throw new IllegalArgumentException("matmul: " + Shapes.str(as) + (transA ? "ᵀ" : "") + " x " + Shapes.str(bs) + (transB ? "ᵀ" : "") + ": inner sizes differ (" + k + " vs " + kb + ")");
        }
        int[] batchA = Arrays.copyOf(as, ra - 2), batchB = Arrays.copyOf(bs, rb - 2);
        boolean shared = rb == 2 && ra > 2;
        if (!shared && !Arrays.equals(batchA, batchB)) {
            throw new IllegalArgumentException("matmul: batch shapes " + Shapes.str(batchA) + " and " + Shapes.str(batchB) + " differ");
        }
        int batch = Shapes.numel(batchA);
        int[] outShape = Arrays.copyOf(as, ra);
        outShape[ra - 2] = m;
        outShape[ra - 1] = n;
        float[] out = new float[batch * m * n];
        Ops.k().gemm(batch, m, n, k, a.data(), transA, b.data(), transB, shared, out);
        return Tensor.fromOp(out, outShape, "matmul", (g, c) -> {
            Tensor da = null, db = null;
            if (a.requiresGrad()) {
                if (!transA) da = apply(g, b, false, !transB);
                else if (shared) da = apply(g, b, false, !transB).transpose(-1, -2);  // (dAᵀ)ᵀ: B cannot lead a batched product
                else da = apply(b, g, transB, true);
            }
            if (b.requiresGrad()) {
                // A shared B collects the gradient of every batch: fold the batch into the rows of op(A) and G.
                if (shared) {
                    Tensor a2 = (transA ? a.transpose(-1, -2) : a).reshape(-1, k);  // (batch·m, k)
                    Tensor g2 = g.reshape(-1, n);                                      // (batch·m, n)
                    db = transB ? apply(g2, a2, true, false) : apply(a2, g2, true, false);
                } else {
                    db = transB ? apply(g, a, true, transA) : apply(a, g, !transA, false);
                }
            }
            return new Tensor[] {da, db};
        }, a, b);
    }

    /**
     * NumPy-style {@code a @ b} for rank ≥ 2: batch axes broadcast (materialised with
     * {@link Expand}; a rank-2 b is shared without copying).
     */
    public static Tensor matmul(Tensor a, Tensor b) {
        int[] as = a.shape(), bs = b.shape();
        if (as.length < 2 || bs.length < 2) throw new IllegalArgumentException("matmul: need rank ≥ 2, got " + Shapes.str(as) + " and " + Shapes.str(bs));
        if (bs.length == 2 || Arrays.equals(Arrays.copyOf(as, as.length - 2), Arrays.copyOf(bs, bs.length - 2))) {
            return apply(a, b, false, false);
        }
        int[] batch = Shapes.broadcast("matmul", Arrays.copyOf(as, as.length - 2), Arrays.copyOf(bs, bs.length - 2));
        return apply(a.broadcastTo(withTail(batch, as)), b.broadcastTo(withTail(batch, bs)), false, false);
    }

    private static int[] withTail(int[] batch, int[] shape) {
        int[] s = Arrays.copyOf(batch, batch.length + 2);
        s[batch.length] = shape[shape.length - 2];
        s[batch.length + 1] = shape[shape.length - 1];
        return s;
    }
}
