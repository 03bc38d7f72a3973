package genlab.tensor.ops;

import genlab.kernels.Binary;
import genlab.kernels.Reduce;
import genlab.kernels.Unary;
import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/**
 * z = log Σⱼ exp(xⱼ) along one axis, computed as m + log Σⱼ exp(xⱼ − m) with m = maxⱼ xⱼ so no
 * term overflows. ∂z/∂xⱼ = exp(xⱼ − z) = softmax(x)ⱼ.
 */
public final class LogSumExp {
    private LogSumExp() {}

    public static Tensor apply(Tensor x, int axis, boolean keepDim) {
        int[] shape = x.shape();
        int[] ax = Reductions.unique(new int[] {axis}, shape.length);
        int[] kept = Ops.keptShape(shape, ax);
        float[] m = Reductions.reduceKept(Reduce.MAX, x.data(), shape, ax);
        // An all −∞ row would give (−∞) − (−∞) = NaN: shift by 0 there instead, and the sum is 0, log 0 = −∞.
        for (int i = 0; i < m.length; i++) if (Float.isInfinite(m[i])) m[i] = 0;
        Tensor mk = Tensor.of(m, kept);
        float[] e = Ops.binary(Binary.SUB, x, mk, shape);
        Ops.k().unary(Unary.EXP, e, e, e.length);
        float[] s = Reductions.reduceKept(Reduce.SUM, e, shape, ax);
        Ops.k().unary(Unary.LOG, s, s, s.length);
        Ops.k().binary(Binary.ADD, kept, s, Shapes.strides(kept), m, Shapes.strides(kept), s);
        return Tensor.fromOp(s, Reductions.outShape(shape, ax, keepDim), "logsumexp",
                (g, z) -> new Tensor[] {Reductions.expandBack(g, shape, ax)
                        .mul(x.sub(z.reshape(kept)).exp())}, x);
    }
}
