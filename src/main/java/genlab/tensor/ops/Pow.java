package genlab.tensor.ops;

import genlab.kernels.Binary;
import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/** z = aᵇ (broadcast). ∂z/∂a = b·aᵇ⁻¹, ∂z/∂b = z·ln a (only computed when b needs a gradient). */
public final class Pow {
    private Pow() {}

    public static Tensor apply(Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast("pow", a.shape(), b.shape());
        return Tensor.fromOp(Ops.binary(Binary.POW, a, b, shape), shape, "pow",
                (g, out) -> new Tensor[] {
                    a.requiresGrad() ? g.mul(b).mul(a.pow(b.sub(1f))).sumTo(a.shape()) : null,
                    b.requiresGrad() ? g.mul(out).mul(a.log()).sumTo(b.shape()) : null}, a, b);
    }
}
