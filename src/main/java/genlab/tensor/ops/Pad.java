package genlab.tensor.ops;

import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/** Zero padding: {@code before[d]} zeros before and {@code after[d]} after axis d. ∂: the gradient sliced back ({@link Slice}). */
public final class Pad {
    private Pad() {}

    public static Tensor apply(Tensor x, int[] before, int[] after) {
        int[] shape = x.shape();
        int r = shape.length;
        if (before.length != r || after.length != r) throw new IllegalArgumentException("pad: need " + r + " pad sizes per side for shape " + Shapes.str(shape));
        int[] outShape = new int[r], starts = new int[r], ends = new int[r];
        for (int d = 0; d < r; d++) {
            if (before[d] < 0 || after[d] < 0) throw new IllegalArgumentException("pad: negative padding on axis " + d);
            outShape[d] = shape[d] + before[d] + after[d];
            starts[d] = before[d];
            ends[d] = before[d] + shape[d];
        }
        int[] ost = Shapes.strides(outShape);
        int off = 0;
        for (int d = 0; d < r; d++) off += before[d] * ost[d];
        float[] out = new float[Shapes.numel(outShape)];
        Ops.k().copy(shape, x.data(), 0, Shapes.strides(shape), out, off, ost);
        return Tensor.fromOp(out, outShape, "pad", (g, z) -> new Tensor[] {Slice.apply(g, starts, ends)}, x);
    }
}
