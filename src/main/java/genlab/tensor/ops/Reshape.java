package genlab.tensor.ops;

import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/**
 * The same elements in row-major order under a new shape (one size may be −1: inferred). Shares
 * the data array, like a view. ∂: the gradient reshaped back.
 */
public final class Reshape {
    private Reshape() {}

    public static Tensor apply(Tensor x, int... newShape) {
        int[] shape = newShape.clone();
        int infer = -1, known = 1;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == -1) {
                if (infer >= 0) throw new IllegalArgumentException("reshape: more than one -1 in " + Shapes.str(newShape));
                infer = d;
            } else known *= shape[d];
        }
        if (infer >= 0) {
            if (known == 0 || x.numel() % known != 0) throw new IllegalArgumentException("reshape: cannot reshape " + Shapes.str(x.shape()) + " to " + Shapes.str(newShape));
            shape[infer] = x.numel() / known;
        }
        if (Shapes.numel(shape) != x.numel()) {
            throw new IllegalArgumentException("reshape: cannot reshape " + Shapes.str(x.shape()) + " (" + x.numel() + " elements) to " + Shapes.str(newShape));
        }
        int[] inShape = x.shape();
        return Tensor.fromOp(x.data(), shape, "reshape", (g, out) -> new Tensor[] {g.reshape(inShape)}, x);
    }
}
