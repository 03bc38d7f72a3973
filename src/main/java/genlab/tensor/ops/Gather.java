package genlab.tensor.ops;

import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/** out[i] = x[index[i]] over x's flat data. ∂: {@link ScatterAdd} of the gradient to the same indices. */
public final class Gather {
    private Gather() {}

    public static Tensor apply(Tensor x, int[] index, int[] outShape) {
        if (Shapes.numel(outShape) != index.length) throw new IllegalArgumentException("gather: " + index.length + " indices for shape " + Shapes.str(outShape));
        for (int i : index) if (i < 0 || i >= x.numel()) throw new IndexOutOfBoundsException("gather: index " + i + " out of range for " + x.numel() + " elements");
        float[] out = new float[index.length];
        Ops.k().gather(x.data(), index, out);
        int[] inShape = x.shape();
        return Tensor.fromOp(out, outShape.clone(), "gather", (g, z) -> new Tensor[] {ScatterAdd.apply(g, index, inShape)}, x);
    }
}
