package genlab.tensor.ops;

import genlab.kernels.Binary;
import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/** z = a · b (broadcast). ∂z/∂a = b, ∂z/∂b = a. */
public final class Mul {
    private Mul() {}

    public static Tensor apply(Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast("mul", a.shape(), b.shape());
        return Tensor.fromOp(Ops.binary(Binary.MUL, a, b, shape), shape, "mul",
                (g, out) -> new Tensor[] {
                    a.requiresGrad() ? g.mul(b).sumTo(a.shape()) : null,
                    b.requiresGrad() ? g.mul(a).sumTo(b.shape()) : null}, a, b);
    }
}
