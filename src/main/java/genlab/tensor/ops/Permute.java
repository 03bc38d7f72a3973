package genlab.tensor.ops;

import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/** Reorders axes: out axis i is input axis {@code axes[i]}. ∂: the gradient permuted by the inverse. */
public final class Permute {
    private Permute() {}

    public static Tensor apply(Tensor x, int... axes) {
        int[] shape = x.shape();
        int r = shape.length;
        if (axes.length != r) throw new IllegalArgumentException("permute: " + axes.length + " axes for shape " + Shapes.str(shape));
        int[] ax = Ops.axes(axes, r);
        int[] inv = new int[r];
        boolean[] seen = new boolean[r];
        int[] outShape = new int[r], srcStrides = new int[r], st = Shapes.strides(shape);
        for (int i = 0; i < r; i++) {
            if (seen[ax[i]]) throw new IllegalArgumentException("permute: axis " + ax[i] + " repeated");
            seen[ax[i]] = true;
            inv[ax[i]] = i;
            outShape[i] = shape[ax[i]];
            srcStrides[i] = st[ax[i]];
        }
        float[] out = new float[x.numel()];
        Ops.k().copy(outShape, x.data(), 0, srcStrides, out, 0, Shapes.strides(outShape));
        return Tensor.fromOp(out, outShape, "permute", (g, z) -> new Tensor[] {g.permute(inv)}, x);
    }
}
