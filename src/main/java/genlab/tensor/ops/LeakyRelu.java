package genlab.tensor.ops;

import genlab.kernels.Binary;
import genlab.kernels.Unary;
import genlab.tensor.Tensor;

/** z = x for x &gt; 0, a·x otherwise. ∂z/∂x = 1 or a. */
public final class LeakyRelu {
    private LeakyRelu() {}

    public static Tensor apply(Tensor x, float slope) {
        // slope(x) = a + (1 − a)·[x > 0]
        float[] s = Ops.unary(Unary.STEP, x);
        Ops.k().unaryScalar(Binary.MUL, s, 1 - slope, s, s.length);
        Ops.k().unaryScalar(Binary.ADD, s, slope, s, s.length);
        Tensor dz = Tensor.of(s, x.shape());
        return Tensor.fromOp(Ops.binary(Binary.MUL, x, dz, x.shape()), x.shape(), "leaky_relu",
                (g, out) -> new Tensor[] {g.mul(dz)}, x);
    }
}
