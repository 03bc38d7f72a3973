package genlab.diffusion;

import genlab.tensor.Tensor;

/**
 * A noise predictor ε_θ(x_t, t, y): given noisy data x_t (B, ...), each example's time step
 * t[b] in 1..T and optionally class labels, returns its estimate of the noise ε that made x_t
 * (same shape as x_t). {@code labels == null} asks for the unconditional prediction; in a
 * class-conditional model that is the learned "no label" class ∅ of classifier-free guidance.
 */
public interface EpsModel {
    Tensor eps(Tensor xt, int[] t, int[] labels);
}
