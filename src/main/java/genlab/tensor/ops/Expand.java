package genlab.tensor.ops;

import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/** Broadcasts x to a larger shape (NumPy rules), materialised. ∂: the gradient summed back ({@link SumTo}). */
public final class Expand {
    private Expand() {}

    public static Tensor apply(Tensor x, int... target) {
        int[] shape = x.shape();
        if (Shapes.same(shape, target)) return x;
        int[] src = Shapes.broadcastStrides(shape, target);
        float[] out = new float[Shapes.numel(target)];
        Ops.k().copy(target, x.data(), 0, src, out, 0, Shapes.strides(target));
        return Tensor.fromOp(out, target.clone(), "expand", (g, z) -> new Tensor[] {g.sumTo(shape)}, x);
    }
}
