package genlab.tensor.ops;

import genlab.kernels.Backend;
import genlab.kernels.Binary;
import genlab.kernels.Kernels;
import genlab.kernels.Unary;
import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/** Small helpers shared by the op classes: the current kernels and the common kernel calls. */
final class Ops {
    private Ops() {}

    static Kernels k() {
        return Backend.current();
    }

    /** op(x) elementwise, as a new array. */
    static float[] unary(Unary op, Tensor x) {
        float[] out = new float[x.numel()];
        k().unary(op, x.data(), out, out.length);
        return out;
    }

    /** op(a, b) with broadcasting; the output shape is {@link Shapes#broadcast}. */
    static float[] binary(Binary op, Tensor a, Tensor b, int[] outShape) {
        float[] out = new float[Shapes.numel(outShape)];
        if (Shapes.same(a.shape(), outShape) && b.numel() == 1) {
            k().unaryScalar(op, a.data(), b.data()[0], out, out.length);
        } else {
            k().binary(op, outShape, a.data(), Shapes.broadcastStrides(a.shape(), outShape),
                    b.data(), Shapes.broadcastStrides(b.shape(), outShape), out);
        }
        return out;
    }

    /** A constant (never differentiated) computed elementwise from x. */
    static Tensor constant(Unary op, Tensor x) {
        return Tensor.of(unary(op, x), x.shape());
    }

    /** A constant op(a, b), broadcast. */
    static Tensor constant(Binary op, Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast(op.name(), a.shape(), b.shape());
        return Tensor.of(binary(op, a, b, shape), shape);
    }

    static int[] axes(int[] axes, int rank) {
        int[] out = new int[axes.length];
        for (int i = 0; i < axes.length; i++) out[i] = Shapes.axis(axes[i], rank);
        return out;
    }

    /** The shape after reducing {@code axes} with keepDim (reduced axes become 1). */
    static int[] keptShape(int[] shape, int[] axes) {
        int[] s = shape.clone();
        for (int a : axes) s[a] = 1;
        return s;
    }

    /** The shape after reducing {@code axes} without keepDim (reduced axes removed). */
    static int[] droppedShape(int[] shape, int[] axes) {
        int n = shape.length;
        boolean[] drop = new boolean[n];
        for (int a : axes) drop[a] = true;
        int count = 0;
        for (boolean d : drop) if (!d) count++;
        int[] s = new int[count];
        for (int i = 0, j = 0; i < n; i++) if (!drop[i]) s[j++] = shape[i];
        return s;
    }
}
