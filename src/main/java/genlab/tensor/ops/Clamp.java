package genlab.tensor.ops;

import genlab.kernels.Binary;
import genlab.tensor.Tensor;

/** z = min(max(x, lo), hi). ∂z/∂x = 1 inside [lo, hi], 0 where clamped. */
public final class Clamp {
    private Clamp() {}

    public static Tensor apply(Tensor x, float lo, float hi) {
        if (lo > hi) throw new IllegalArgumentException("clamp: lo " + lo + " > hi " + hi);
        float[] out = new float[x.numel()];
        Ops.k().unaryScalar(Binary.MAX, x.data(), lo, out, out.length);
        Ops.k().unaryScalar(Binary.MIN, out, hi, out, out.length);
        return Tensor.fromOp(out, x.shape(), "clamp",
                // x == clamp(x) exactly where x was not clamped
                (g, z) -> new Tensor[] {g.mul(Ops.constant(Binary.EQ, x, z))}, x);
    }
}
