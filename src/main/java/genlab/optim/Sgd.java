package genlab.optim;

import genlab.kernels.Kernels;
import genlab.tensor.Tensor;

import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent with momentum (PyTorch's form): with d = g + λθ,
 * v ← μv + (1 − τ)d and θ ← θ − η·v (or θ ← θ − η·(d + μv) with Nesterov momentum).
 */
public final class Sgd extends Optimizer {
    private final float momentum, dampening, weightDecay;
    private final boolean nesterov;
    private final float[][] velocity;

    public Sgd(List<Tensor> params, double lr) {
        this(params, lr, 0, 0, 0, false);
    }

    public Sgd(List<Tensor> params, double lr, double momentum, double dampening, double weightDecay, boolean nesterov) {
        super(params, lr);
        this.momentum = (float) momentum;
        this.dampening = (float) dampening;
        this.weightDecay = (float) weightDecay;
        this.nesterov = nesterov;
        velocity = new float[this.params.size()][];
        for (int i = 0; i < velocity.length; i++) velocity[i] = new float[this.params.get(i).numel()];
    }

    @Override
    protected void update(Kernels k, int i, float[] p, float[] g) {
        k.sgdStep(p, g, velocity[i], p.length, (float) lr, momentum, dampening, nesterov, weightDecay);
    }

    @Override
    protected void buffers(Map<String, Tensor> out) {
        for (int i = 0; i < velocity.length; i++) out.put(i + ".momentum_buffer", Tensor.of(velocity[i], params.get(i).shape()));
    }
}
