package genlab.nn;

import genlab.kernels.Backend;
import genlab.tensor.Autograd;
import genlab.tensor.Shapes;
import genlab.tensor.Tensor;

/**
 * Batch normalisation (Ioffe and Szegedy 2015) over every axis but the channel axis 1:
 * y = (x − μ_B)/√(σ²_B + ε)·γ + β, with μ_B and σ²_B (biased) the batch statistics in training and
 * the running averages in evaluation. After each training batch the running averages move by
 * {@code momentum}: r ← (1 − m)·r + m·stat, using the unbiased variance, as PyTorch does.
 *
 * <p>{@link BatchNorm1d} takes (N, C); {@link BatchNorm2d} takes (N, C, H, W).
 */
public abstract class BatchNorm extends Module {
    public final Tensor weight, bias, runningMean, runningVar;
    private final int channels, rank;
    private final float eps, momentum;

    protected BatchNorm(int channels, int rank, float eps, float momentum) {
        this.channels = channels;
        this.rank = rank;
        this.eps = eps;
        this.momentum = momentum;
        weight = param("weight", Tensor.ones(channels));
        bias = param("bias", Tensor.zeros(channels));
        runningMean = buffer("running_mean", Tensor.zeros(channels));
        runningVar = buffer("running_var", Tensor.ones(channels));
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.dim() != rank || x.size(1) != channels) {
            throw new IllegalArgumentException(getClass().getSimpleName() + "(" + channels + "): expected " + (rank == 2 ? "(N, " + channels + ")" : "(N, " + channels + ", H, W)") + ", got " + Shapes.str(x.shape()));
        }
        int[] axes = rank == 2 ? new int[] {0} : new int[] {0, 2, 3};
        int[] bshape = rank == 2 ? new int[] {1, channels} : new int[] {1, channels, 1, 1};
        Tensor mean, var;
        if (isTraining()) {
            int n = x.numel() / channels;
            if (n < 2) throw new IllegalArgumentException(getClass().getSimpleName() + ": training needs more than one value per channel, got " + Shapes.str(x.shape()));
            mean = x.mean(axes, true);                 // (1, C[, 1, 1])
            var = x.var(axes, true, 0);
            try (var ng = Autograd.noGrad()) {
                update(runningMean, mean.reshape(channels));
                update(runningVar, var.reshape(channels).mul((float) n / (n - 1)));
            }
        } else {
            mean = runningMean.reshape(bshape);
            var = runningVar.reshape(bshape);
        }
        Tensor xHat = x.sub(mean).div(var.add(eps).sqrt());
        return xHat.mul(weight.reshape(bshape)).add(bias.reshape(bshape));
    }

    /** r ← (1 − m)·r + m·stat, in place on the buffer. */
    private void update(Tensor running, Tensor stat) {
        float[] next = running.mul(1 - momentum).add(stat.mul(momentum)).data();
        System.arraycopy(next, 0, running.data(), 0, next.length);
        Backend.hostWrote(running.data());
    }
}
