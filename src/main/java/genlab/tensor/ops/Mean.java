package genlab.tensor.ops;

import genlab.kernels.Binary;
import genlab.kernels.Reduce;
import genlab.tensor.Tensor;

/** z = (1/N) Σ over {@code axes} of x, N the number of elements reduced. ∂z/∂x = 1/N. */
public final class Mean {
    private Mean() {}

    public static Tensor apply(Tensor x, int[] axes, boolean keepDim) {
        int[] shape = x.shape();
        int[] ax = Reductions.unique(axes, shape.length);
        int n = Reductions.count(shape, ax);
        float[] out = Reductions.reduceKept(Reduce.SUM, x.data(), shape, ax);
        Ops.k().unaryScalar(Binary.DIV, out, n, out, out.length);
        return Tensor.fromOp(out, Reductions.outShape(shape, ax, keepDim), "mean",
                (g, z) -> new Tensor[] {Reductions.expandBack(g, shape, ax).div(n)}, x);
    }
}
