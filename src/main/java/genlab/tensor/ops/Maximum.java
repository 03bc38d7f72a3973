package genlab.tensor.ops;

import genlab.kernels.Binary;
import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/**
 * z = max(a, b) or min(a, b), elementwise with broadcasting. The gradient goes to the larger
 * (smaller) input; on a tie it is split in half, as PyTorch does.
 */
public final class Maximum {
    private Maximum() {}

    public static Tensor apply(Tensor a, Tensor b, boolean max) {
        String name = max ? "maximum" : "minimum";
        int[] shape = Shapes.broadcast(name, a.shape(), b.shape());
        return Tensor.fromOp(Ops.binary(max ? Binary.MAX : Binary.MIN, a, b, shape), shape, name,
                (g, out) -> {
                    // share of a: 1 where a wins, ½ on ties, 0 where b wins
                    Tensor win = max ? Ops.constant(Binary.GT, a, b) : Ops.constant(Binary.GT, b, a);
                    Tensor shareA = win.add(Ops.constant(Binary.EQ, a, b).mul(0.5f));
                    return new Tensor[] {
                        a.requiresGrad() ? g.mul(shareA).sumTo(a.shape()) : null,
                        b.requiresGrad() ? g.mul(shareA.rsub(1f)).sumTo(b.shape()) : null};
                }, a, b);
    }
}
