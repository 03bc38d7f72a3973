package genlab.tensor.ops;

import genlab.kernels.Binary;
import genlab.kernels.Unary;
import genlab.tensor.Tensor;

/** z = x·σ(x) (SiLU, "swish"). ∂z/∂x = σ(x)·(1 + x(1 − σ(x))). */
public final class Silu {
    private Silu() {}

    public static Tensor apply(Tensor x) {
        float[] s = Ops.unary(Unary.SIGMOID, x);
        float[] out = Ops.binary(Binary.MUL, x, Tensor.of(s, x.shape()), x.shape());
        return Tensor.fromOp(out, x.shape(), "silu", (g, z) -> {
            Tensor sig = x.sigmoid();
            return new Tensor[] {g.mul(sig.mul(x.mul(sig.rsub(1f)).add(1f)))};
        }, x);
    }
}
