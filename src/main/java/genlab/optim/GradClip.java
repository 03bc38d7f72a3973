package genlab.optim;

import genlab.tensor.Autograd;
import genlab.tensor.Tensor;

import java.util.List;

/**
 * Gradient clipping by global norm: with ‖g‖ = √(Σ over all parameters of Σ g²), every gradient is
 * scaled by min(1, maxNorm/(‖g‖ + 1e-6)), as PyTorch's {@code clip_grad_norm_}.
 */
public final class GradClip {
    private GradClip() {}

    /** Clips in place and returns the norm before clipping. */
    public static double clipByNorm(List<Tensor> params, double maxNorm) {
        double sq = 0;
        for (Tensor p : params) {
            if (p.grad() == null) continue;
            for (float g : p.grad().data()) sq += (double) g * g;
        }
        double norm = Math.sqrt(sq);
        double scale = maxNorm / (norm + 1e-6);
        if (scale < 1) {
            try (var ng = Autograd.noGrad()) {
                for (Tensor p : params) if (p.grad() != null) p.setGrad(p.grad().mul((float) scale));
            }
        }
        return norm;
    }
}
