package genlab.flow;

import genlab.nn.Module;
import genlab.tensor.Tensor;

/**
 * An invertible layer of a normalising flow, read in the density direction (data x to latent z).
 * <pre>
 *   forward:  z = f(x),     logDet = log |det ∂f/∂x|      (one value per example)
 *   inverse:  x = f⁻¹(z),   logDet = log |det ∂f⁻¹/∂z| = −(forward logDet at x)
 * </pre>
 * With the change of variables log p_X(x) = log p_Z(f(x)) + log |det ∂f/∂x|, a stack of bijectors
 * sums its log-dets ({@link FlowChain}). Every bijector is a {@link Module}, so its parameters are
 * found, trained and saved like any other layer's; {@link #forward(Tensor)} gives z alone.
 */
public abstract class Bijector extends Module {

    /** x (B, ...) -> z and log|det ∂z/∂x| (B). */
    public abstract Transformed forwardLogDet(Tensor x);

    /** z -> x and log|det ∂x/∂z| (B), which is minus the forward log-det at that x. */
    public abstract Transformed inverseLogDet(Tensor z);

    @Override
    public Tensor forward(Tensor x) {
        return forwardLogDet(x).value();
    }

    public Tensor inverse(Tensor z) {
        return inverseLogDet(z).value();
    }

    /** Σ over every axis but the first: (B, ...) -> (B). */
    static Tensor sumPerExample(Tensor t) {
        return t.reshape(t.size(0), -1).sum(1, false);
    }

    /** A (B) tensor of zeros: the log-det of a volume-preserving map. */
    static Tensor zeroLogDet(Tensor x) {
        return Tensor.zeros(x.size(0));
    }

    /** A (B) tensor holding {@code value} for every example. */
    static Tensor constantLogDet(Tensor x, double value) {
        return Tensor.full((float) value, x.size(0));
    }
}
