package genlab.flow;

import genlab.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Bijectors applied one after the other: f = f_K ∘ … ∘ f_1, so
 * <pre>
 *   log |det ∂f/∂x| = Σ_k log |det ∂f_k/∂h_{k−1}|,   h_0 = x,  h_k = f_k(h_{k−1})
 * </pre>
 * and the inverse runs the layers backwards. {@link #trajectory} keeps every h_k, which the
 * 2-D lesson draws as one frame per layer.
 */
public final class FlowChain extends Bijector {
    private final List<Bijector> layers = new ArrayList<>();

    public FlowChain(List<? extends Bijector> layers) {
        for (Bijector b : layers) add(b);
    }

    public FlowChain(Bijector... layers) {
        this(List.of(layers));
    }

    public FlowChain add(Bijector b) {
        layers.add(child(String.valueOf(layers.size()), b));
        return this;
    }

    public List<Bijector> layers() {
        return List.copyOf(layers);
    }

    @Override
    public Transformed forwardLogDet(Tensor x) {
        Tensor h = x, logDet = zeroLogDet(x);
        for (Bijector b : layers) {
            Transformed t = b.forwardLogDet(h);
            h = t.value();
            logDet = logDet.add(t.logDet());
        }
        return new Transformed(h, logDet);
    }

    @Override
    public Transformed inverseLogDet(Tensor z) {
        Tensor h = z, logDet = zeroLogDet(z);
        for (int k = layers.size() - 1; k >= 0; k--) {
            Transformed t = layers.get(k).inverseLogDet(h);
            h = t.value();
            logDet = logDet.add(t.logDet());
        }
        return new Transformed(h, logDet);
    }

    /** h_0 = x, h_1, …, h_K = z: the input and the output of every layer. */
    public List<Tensor> trajectory(Tensor x) {
        List<Tensor> out = new ArrayList<>();
        out.add(x);
        Tensor h = x;
        for (Bijector b : layers) {
            h = b.forward(h);
            out.add(h);
        }
        return out;
    }
}
