package genlab.models.gan;

import genlab.nn.Module;
import genlab.tensor.Autograd;
import genlab.tensor.Tensor;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The WGAN-GP gradient penalty (Gulrajani et al. 2017, Algorithm 1):
 * <pre>
 *   x̂ = ε·x + (1 − ε)·x̃,   ε ~ U(0, 1) per sample
 *   GP = λ · E[(‖∇_x̂ D(x̂)‖₂ − 1)²]
 * </pre>
 * ∇_x̂ D(x̂) is computed with {@link Autograd#grad} recording its own backward pass
 * ({@code createGraph}), so GP can be differentiated again with respect to the critic's weights.
 * The critic must treat samples independently (no batch norm: the paper uses layer norm), or the
 * per-sample gradient is not what the penalty assumes.
 */
public final class GradientPenalty {
    /** λ = 10, the paper's value. */
    public static final float LAMBDA = 10f;
    /** Added under the square root so that ‖g‖ is differentiable at g = 0. */
    private static final float EPS = 1e-12f;

    private GradientPenalty() {}

    /** λ·E[(‖∇D(x̂)‖ − 1)²] with x̂ on random segments between {@code real} and {@code fake} (same shape). */
    public static Tensor of(Module critic, Tensor real, Tensor fake, float lambda, RandomGenerator rng) {
        if (!java.util.Arrays.equals(real.shape(), fake.shape())) {
            throw new IllegalArgumentException("GradientPenalty: real " + genlab.tensor.Shapes.str(real.shape())
                    + " and fake " + genlab.tensor.Shapes.str(fake.shape()) + " differ in shape");
        }
        int[] epsShape = new int[real.dim()];                  // (B, 1, ..., 1)
        java.util.Arrays.fill(epsShape, 1);
        epsShape[0] = real.size(0);
        Tensor eps = Tensor.rand(rng, epsShape);
        Tensor xHat = real.detach().mul(eps).add(fake.detach().mul(eps.rsub(1f)));
        return at(critic, xHat, lambda);
    }

    /** λ·E[(‖∇D(x̂)‖ − 1)²] at the given points x̂ (B, ...). */
    public static Tensor at(Module critic, Tensor points, float lambda) {
        Tensor xHat = points.detach().requiresGrad(true);
        Tensor scores = critic.forward(xHat);                                 // (B, 1)
        Tensor g = Autograd.grad(scores.sum(), List.of(xHat), true)[0];       // (B, ...): per-sample gradients, since samples are independent
        Tensor norm = g.flatten(1).square().sum(1, false).add(EPS).sqrt();     // (B,)
        return norm.sub(1f).square().mean().mul(lambda);
    }

    /** Mean ‖∇D(x̂)‖ at the points, without a graph (a diagnostic: near 1 when the penalty holds). */
    public static double meanGradientNorm(Module critic, Tensor points) {
        Tensor xHat = points.detach().requiresGrad(true);
        Tensor g = Autograd.grad(critic.forward(xHat).sum(), List.of(xHat), false)[0];
        try (var ng = Autograd.noGrad()) {
            return g.flatten(1).square().sum(1, false).sqrt().mean().item();
        }
    }
}
