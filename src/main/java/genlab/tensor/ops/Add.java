package genlab.tensor.ops;

import genlab.kernels.Binary;
import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/** z = a + b (broadcast). ∂z/∂a = 1, ∂z/∂b = 1; gradients are summed back over broadcast axes. */
public final class Add {
    private Add() {}

    public static Tensor apply(Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast("add", a.shape(), b.shape());
        return Tensor.fromOp(Ops.binary(Binary.ADD, a, b, shape), shape, "add",
                (g, out) -> new Tensor[] {g.sumTo(a.shape()), g.sumTo(b.shape())}, a, b);
    }
}
