package genlab.tensor.ops;

import genlab.kernels.Binary;
import genlab.kernels.Reduce;
import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/**
 * z = Σ (x − x̄)² / (N − c) over {@code axes}, c the correction (0: biased, as in normalisation
 * layers; 1: unbiased). ∂z/∂x = 2(x − x̄)/(N − c) (the x̄ term's gradient sums to zero).
 */
public final class Var {
    private Var() {}

    public static Tensor apply(Tensor x, int[] axes, boolean keepDim, int correction) {
        int[] shape = x.shape();
        int[] ax = Reductions.unique(axes, shape.length);
        int[] kept = Ops.keptShape(shape, ax);
        int n = Reductions.count(shape, ax);
        if (n - correction <= 0) throw new IllegalArgumentException("var: " + n + " elements with correction " + correction + " in shape " + Shapes.str(shape));
        float[] mean = Reductions.reduceKept(Reduce.SUM, x.data(), shape, ax);
        Ops.k().unaryScalar(Binary.DIV, mean, n, mean, mean.length);
        float[] d = Ops.binary(Binary.SUB, x, Tensor.of(mean, kept), shape);
        Ops.k().binary(Binary.MUL, shape, d, Shapes.strides(shape), d, Shapes.strides(shape), d);
        float[] out = Reductions.reduceKept(Reduce.SUM, d, shape, ax);
        Ops.k().unaryScalar(Binary.DIV, out, n - correction, out, out.length);
        return Tensor.fromOp(out, Reductions.outShape(shape, ax, keepDim), "var",
                (g, z) -> new Tensor[] {Reductions.expandBack(g, shape, ax)
                        .mul(x.sub(x.mean(ax, true)).mul(2f / (n - correction)))}, x);
    }
}
