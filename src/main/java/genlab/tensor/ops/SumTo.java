package genlab.tensor.ops;

import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/**
 * The adjoint of broadcasting: sums a gradient of the broadcast shape back to the operand's
 * {@code target} shape (over leading axes the operand lacked, and axes where it had size 1).
 * Composed of {@link Sum} and {@link Reshape}.
 */
public final class SumTo {
    private SumTo() {}

    public static Tensor apply(Tensor g, int[] target) {
        int[] shape = g.shape();
        if (Shapes.same(shape, target)) return g;
        int lead = shape.length - target.length;
        if (lead < 0) throw new IllegalArgumentException("sumTo: cannot reduce " + Shapes.str(shape) + " to larger rank " + Shapes.str(target));
        int count = 0;
        int[] axes = new int[shape.length];
        for (int d = 0; d < shape.length; d++) {
            if (d < lead || (target[d - lead] == 1 && shape[d] != 1)) axes[count++] = d;
            else if (target[d - lead] != shape[d]) throw new IllegalArgumentException("sumTo: cannot reduce " + Shapes.str(shape) + " to " + Shapes.str(target));
        }
        return g.sum(java.util.Arrays.copyOf(axes, count), true).reshape(target);
    }
}
