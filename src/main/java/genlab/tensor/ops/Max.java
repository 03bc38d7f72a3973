package genlab.tensor.ops;

import genlab.kernels.Binary;
import genlab.kernels.Reduce;
import genlab.tensor.Tensor;

/**
 * z = max along one axis. ∂z/∂x = 1 at the maximum, 0 elsewhere; on ties the gradient is shared
 * equally among the tied maxima.
 */
public final class Max {
    private Max() {}

    public static Tensor apply(Tensor x, int axis, boolean keepDim) {
        int[] shape = x.shape();
        int[] ax = Reductions.unique(new int[] {axis}, shape.length);
        float[] out = Reductions.reduceKept(Reduce.MAX, x.data(), shape, ax);
        int[] kept = Ops.keptShape(shape, ax);
        return Tensor.fromOp(out, Reductions.outShape(shape, ax, keepDim), "max", (g, z) -> {
            Tensor mask = Ops.constant(Binary.EQ, x, Tensor.of(out, kept));
            Tensor count = Tensor.of(Reductions.reduceKept(Reduce.SUM, mask.data(), shape, ax), kept);
            return new Tensor[] {Reductions.expandBack(g, shape, ax).mul(mask.div(count))};
        }, x);
    }
}
