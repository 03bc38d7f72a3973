package genlab.tensor.ops;

import genlab.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/** Joins equally shaped tensors along a new axis: each is unsqueezed, then {@link Concat}enated. */
public final class Stack {
    private Stack() {}

    public static Tensor apply(List<Tensor> parts, int axis) {
        if (parts.isEmpty()) throw new IllegalArgumentException("stack: no tensors");
        List<Tensor> u = new ArrayList<>(parts.size());
        for (Tensor t : parts) u.add(t.unsqueeze(axis));
        return Concat.apply(u, axis);
    }
}
