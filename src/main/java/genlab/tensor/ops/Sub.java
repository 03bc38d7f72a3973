package genlab.tensor.ops;

import genlab.kernels.Binary;
import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/** z = a − b (broadcast). ∂z/∂a = 1, ∂z/∂b = −1. */
public final class Sub {
    private Sub() {}

    public static Tensor apply(Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast("sub", a.shape(), b.shape());
        return Tensor.fromOp(Ops.binary(Binary.SUB, a, b, shape), shape, "sub",
                (g, out) -> new Tensor[] {g.sumTo(a.shape()), b.requiresGrad() ? g.neg().sumTo(b.shape()) : null}, a, b);
    }
}
