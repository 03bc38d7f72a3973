package genlab.tensor.ops;

import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/** Row lookup: out[i, :] = weight[ids[i], :]. A {@link Gather}, so the gradient adds into the looked-up rows. */
public final class Embedding {
    private Embedding() {}

    /** weight (V, D), ids of length N -> (N, D). */
    public static Tensor apply(Tensor weight, int[] ids) {
        int[] ws = weight.shape();
        if (ws.length != 2) throw new IllegalArgumentException("embedding: weight must be (V, D), got " + Shapes.str(ws));
        int v = ws[0], d = ws[1];
        int[] index = new int[ids.length * d];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= v) throw new IndexOutOfBoundsException("embedding: id " + ids[i] + " out of range [0, " + v + ")");
            for (int j = 0; j < d; j++) index[i * d + j] = ids[i] * d + j;
        }
        return Gather.apply(weight, index, new int[] {ids.length, d});
    }
}
