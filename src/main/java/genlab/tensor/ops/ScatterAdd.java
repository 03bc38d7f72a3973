package genlab.tensor.ops;

import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/** out = zeros(outShape); out[index[i]] += src[i]. ∂: {@link Gather} of the gradient at the same indices. */
public final class ScatterAdd {
    private ScatterAdd() {}

    public static Tensor apply(Tensor src, int[] index, int[] outShape) {
        float[] out = new float[Shapes.numel(outShape)];
        Ops.k().scatterAdd(src.data(), index, out);
        int[] srcShape = src.shape();
        return Tensor.fromOp(out, outShape.clone(), "scatter_add", (g, z) -> new Tensor[] {Gather.apply(g, index, srcShape)}, src);
    }
}
