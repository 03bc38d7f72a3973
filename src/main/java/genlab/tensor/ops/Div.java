package genlab.tensor.ops;

import genlab.kernels.Binary;
import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/** z = a / b (broadcast). ∂z/∂a = 1/b, ∂z/∂b = −a/b² = −z/b. */
public final class Div {
    private Div() {}

    public static Tensor apply(Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast("div", a.shape(), b.shape());
        return Tensor.fromOp(Ops.binary(Binary.DIV, a, b, shape), shape, "div",
                (g, out) -> new Tensor[] {
                    a.requiresGrad() ? g.div(b).sumTo(a.shape()) : null,
                    b.requiresGrad() ? g.mul(out).div(b).neg().sumTo(b.shape()) : null}, a, b);
    }
}
