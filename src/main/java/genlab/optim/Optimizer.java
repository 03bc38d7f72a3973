package genlab.optim;

import genlab.kernels.Backend;
import genlab.kernels.Kernels;
import genlab.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Updates parameters in place from their gradients. Subclasses keep per-parameter state
 * (momentum, Adam's moments) which {@link #state()} exposes by name for checkpoints, so that
 * resuming continues exactly where training stopped.
 */
public abstract class Optimizer {
    protected final List<Tensor> params;
    protected double lr;
    protected long steps;

    protected Optimizer(List<Tensor> params, double lr) {
        if (params.isEmpty()) throw new IllegalArgumentException(getClass().getSimpleName() + ": no parameters to optimise");
        if (!(lr > 0)) throw new IllegalArgumentException(getClass().getSimpleName() + ": learning rate must be positive, got " + lr);
        this.params = List.copyOf(params);
        this.lr = lr;
    }

    /**
     * Applies one update to every parameter that has a gradient. All gradients are checked first:
     * a NaN or infinity stops training with a message, before any parameter is changed.
     */
    public final void step() {
        Kernels k = Backend.current();
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            if (p.grad() == null) continue;
            float[] g = p.grad().data();
            int bad = k.firstNonFinite(g, g.length);
            if (bad >= 0) {
                throw new ArithmeticException(getClass().getSimpleName() + ": gradient of parameter " + i + " (shape " + genlab.tensor.Shapes.str(p.shape()) + ") contains " + g[bad] + " at step " + (steps + 1) + "; lower the learning rate or check the loss");
            }
        }
        steps++;
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            if (p.grad() != null) update(k, i, p.data(), p.grad().data());
        }
    }

    /** One parameter's update, in place on {@code p} and this optimiser's state for it. */
    protected abstract void update(Kernels k, int index, float[] p, float[] grad);

    public final void zeroGrad() {
        for (Tensor p : params) p.zeroGrad();
    }

    public double lr() {
        return lr;
    }

    /** Sets the learning rate (used by schedules). */
    public void setLr(double lr) {
        this.lr = lr;
    }

    public long steps() {
        return steps;
    }

    /** The optimiser's state by name ("step", "0.exp_avg", ...), live tensors that loading writes into. */
    public Map<String, Tensor> state() {
        Map<String, Tensor> s = new LinkedHashMap<>();
        s.put("step", Tensor.of(new float[] {steps}, 1));
        buffers(s);
        return s;
    }

    /** Restores {@link #steps()} after the state tensors were loaded in place. */
    public void afterLoad(Map<String, Tensor> loaded) {
        steps = (long) loaded.get("step").data()[0];
    }

    /** Adds per-parameter buffers to a state map. */
    protected abstract void buffers(Map<String, Tensor> out);
}
