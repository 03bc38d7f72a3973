package genlab.tensor.ops;

import genlab.kernels.Reduce;
import genlab.tensor.Tensor;

/** The kernel side of reducing several axes: one {@link genlab.kernels.Kernels#reduce} call per axis. */
final class Reductions {
    private Reductions() {}

    /** op over {@code axes} (already normalised), keeping them as size-1 axes. */
    static float[] reduceKept(Reduce op, float[] x, int[] shape, int[] axes) {
        int[] s = shape.clone();
        float[] cur = x;
        for (int a : axes) {
            if (s[a] == 1) continue;
            int outer = 1, inner = 1;
            for (int d = 0; d < a; d++) outer *= s[d];
            for (int d = a + 1; d < s.length; d++) inner *= s[d];
            float[] next = new float[outer * inner];
            Ops.k().reduce(op, cur, outer, s[a], inner, next);
            cur = next;
            s[a] = 1;
        }
        return cur == x ? x.clone() : cur;
    }

    /** Number of elements folded into each output: the product of the reduced sizes. */
    static int count(int[] shape, int[] axes) {
        int n = 1;
        for (int a : axes) n *= shape[a];
        return n;
    }

    /** The reduced output's shape. */
    static int[] outShape(int[] shape, int[] axes, boolean keepDim) {
        return keepDim ? Ops.keptShape(shape, axes) : Ops.droppedShape(shape, axes);
    }

    /** Brings an upstream gradient of a reduction back to the input's shape (broadcast over the reduced axes). */
    static Tensor expandBack(Tensor g, int[] inShape, int[] axes) {
        return g.reshape(Ops.keptShape(inShape, axes)).broadcastTo(inShape);
    }

    static int[] unique(int[] axes, int rank) {
        int[] a = Ops.axes(axes, rank);
        boolean[] seen = new boolean[rank];
        for (int x : a) {
            if (seen[x]) throw new IllegalArgumentException("reduction: axis " + x + " given twice");
            seen[x] = true;
        }
        return a;
    }
}
