package genlab.tensor.ops;

import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/**
 * The box {@code starts[d] ≤ i_d < ends[d]} of x. ∂: the gradient zero-padded back to x's shape
 * ({@link Pad}, its adjoint).
 */
public final class Slice {
    private Slice() {}

    public static Tensor apply(Tensor x, int[] starts, int[] ends) {
        int[] shape = x.shape();
        int r = shape.length;
        int[] outShape = new int[r], before = new int[r], after = new int[r];
        int off = 0;
        int[] st = Shapes.strides(shape);
        for (int d = 0; d < r; d++) {
            if (starts[d] < 0 || ends[d] > shape[d] || starts[d] > ends[d]) {
                throw new IllegalArgumentException("slice: [" + starts[d] + ", " + ends[d] + ") out of range on axis " + d + " of " + Shapes.str(shape));
            }
            outShape[d] = ends[d] - starts[d];
            before[d] = starts[d];
            after[d] = shape[d] - ends[d];
            off += starts[d] * st[d];
        }
        float[] out = new float[Shapes.numel(outShape)];
        Ops.k().copy(outShape, x.data(), off, st, out, 0, Shapes.strides(outShape));
        return Tensor.fromOp(out, outShape, "slice", (g, z) -> new Tensor[] {g.pad(before, after)}, x);
    }
}
