package genlab.tensor.ops;

import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

import java.util.List;

/** Joins tensors along an existing axis; other sizes must agree. ∂: the gradient sliced into the parts. */
public final class Concat {
    private Concat() {}

    public static Tensor apply(List<Tensor> parts, int axis) {
        if (parts.isEmpty()) throw new IllegalArgumentException("concat: no tensors");
        int[] first = parts.get(0).shape();
        int a = Shapes.axis(axis, first.length);
        int total = 0;
        for (Tensor t : parts) {
            int[] s = t.shape();
            boolean ok = s.length == first.length;
            for (int d = 0; ok && d < s.length; d++) ok = d == a || s[d] == first[d];
            if (!ok) throw new IllegalArgumentException("concat: shape " + Shapes.str(s) + " does not match " + Shapes.str(first) + " except on axis " + a);
            total += s[a];
        }
        int[] outShape = first.clone();
        outShape[a] = total;
        int[] ost = Shapes.strides(outShape);
        float[] out = new float[Shapes.numel(outShape)];
        int[] offsets = new int[parts.size()];
        int at = 0;
        for (int i = 0; i < parts.size(); i++) {
            Tensor t = parts.get(i);
            offsets[i] = at;
            Ops.k().copy(t.shape(), t.data(), 0, Shapes.strides(t.shape()), out, at * ost[a], ost);
            at += t.size(a);
        }
        Tensor[] inputs = parts.toArray(new Tensor[0]);
        return Tensor.fromOp(out, outShape, "concat", (g, z) -> {
            Tensor[] gs = new Tensor[inputs.length];
            for (int i = 0; i < gs.length; i++) {
                if (inputs[i].requiresGrad()) gs[i] = g.slice(a, offsets[i], offsets[i] + inputs[i].size(a));
            }
            return gs;
        }, inputs);
    }
}
