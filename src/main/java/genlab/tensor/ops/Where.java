package genlab.tensor.ops;

import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/** z = cond ≠ 0 ? a : b (broadcast). ∂z/∂a = [cond], ∂z/∂b = [¬cond]; cond is not differentiated. */
public final class Where {
    private Where() {}

    public static Tensor apply(Tensor cond, Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast("where", Shapes.broadcast("where", cond.shape(), a.shape()), b.shape());
        float[] out = new float[Shapes.numel(shape)];
        Ops.k().where(shape, cond.data(), Shapes.broadcastStrides(cond.shape(), shape),
                a.data(), Shapes.broadcastStrides(a.shape(), shape),
                b.data(), Shapes.broadcastStrides(b.shape(), shape), out);
        Tensor c = cond.detach();
        return Tensor.fromOp(out, shape, "where", (g, o) -> {
            Tensor zero = Tensor.zeros(1);
            return new Tensor[] {null,
                a.requiresGrad() ? apply(c, g, zero).sumTo(a.shape()) : null,
                b.requiresGrad() ? apply(c, zero, g).sumTo(b.shape()) : null};
        }, null, a, b);
    }
}
