package genlab.tensor.ops;

import genlab.kernels.Reduce;
import genlab.tensor.Tensor;

/** z = Σ over {@code axes} of x. ∂z/∂x = 1: the gradient is broadcast back over the summed axes. */
public final class Sum {
    private Sum() {}

    public static Tensor apply(Tensor x, int[] axes, boolean keepDim) {
        int[] shape = x.shape();
        int[] ax = Reductions.unique(axes, shape.length);
        float[] out = Reductions.reduceKept(Reduce.SUM, x.data(), shape, ax);
        return Tensor.fromOp(out, Reductions.outShape(shape, ax, keepDim), "sum",
                (g, z) -> new Tensor[] {Reductions.expandBack(g, shape, ax)}, x);
    }
}
