package genlab.flow;

import genlab.nn.Module;
import genlab.tensor.Tensor;

/**
 * The affine coupling layer of RealNVP (Dinh, Sohl-Dickstein and Bengio 2017, eq. 9), with a
 * binary mask b (1: passed through, 0: transformed):
 * <pre>
 *   (ŝ, t) = NN(b ⊙ x),   s = (1 − b) ⊙ scale · tanh(ŝ),   t ← (1 − b) ⊙ t
 *   z = b ⊙ x + (1 − b) ⊙ (x ⊙ exp(s) + t)  =  x ⊙ exp(s) + t
 *   log |det ∂z/∂x| = Σ s
 *   x = (z − t) ⊙ exp(−s)        (s and t recomputed from b ⊙ z = b ⊙ x)
 * </pre>
 * The Jacobian is triangular (after ordering the masked entries first): the passed-through half
 * is the identity, and each transformed entry depends on itself only through exp(s), so the
 * determinant is the product of the exp(s) and the inverse needs no inversion of NN.
 *
 * <p>NN maps (B, C, ...) to (B, 2C, ...): channels [0, C) are ŝ, [C, 2C) are t. The tanh bounds
 * the log-scale (a learned per-channel {@code scale}, starting at 1) so that one step cannot
 * blow up; RealNVP's code does the same.
 */
public final class AffineCoupling extends Bijector {
    private final Tensor mask;      // (1, C, ...) constant
    private final Tensor inverseMask;
    private final Module net;
    private final Tensor scale;     // (1, C, 1, ...)
    private final int channels;

    public AffineCoupling(Tensor mask, Module net) {
        if (mask.dim() < 2 || mask.size(0) != 1) throw new IllegalArgumentException("AffineCoupling: mask needs shape (1, C, ...), got " + genlab.tensor.Shapes.str(mask.shape()));
        this.mask = buffer("mask", mask);
        this.inverseMask = mask.rsub(1f).detach();
        this.net = child("net", net);
        this.channels = mask.size(1);
        int[] s = new int[mask.dim()];
        java.util.Arrays.fill(s, 1);
        s[1] = channels;
        this.scale = param("scale", Tensor.ones(s)); // (1, C, 1, ...)
    }

    /** s and t from the pass-through part, both zero where the mask is 1. */
    private Tensor[] scaleAndShift(Tensor passThrough) {
        Tensor h = net.forward(passThrough);                              // (B, 2C, ...)
        if (h.size(1) != 2 * channels) {
            throw new IllegalStateException("AffineCoupling: the network gives " + h.size(1) + " channels, expected 2C = " + 2 * channels);
        }
        Tensor s = h.slice(1, 0, channels).tanh().mul(scale).mul(inverseMask);  // (B, C, ...)
        Tensor t = h.slice(1, channels, 2 * channels).mul(inverseMask);      // (B, C, ...)
        return new Tensor[] {s, t};
    }

    private void check(Tensor x) {
        if (x.dim() != mask.dim()) {
            throw new IllegalArgumentException("AffineCoupling: input " + genlab.tensor.Shapes.str(x.shape())
                    + " does not match the mask " + genlab.tensor.Shapes.str(mask.shape()));
        }
        for (int a = 1; a < x.dim(); a++) {
            if (x.size(a) != mask.size(a)) {
                throw new IllegalArgumentException("AffineCoupling: input " + genlab.tensor.Shapes.str(x.shape())
                        + " does not match the mask " + genlab.tensor.Shapes.str(mask.shape()));
            }
        }
    }

    @Override
    public Transformed forwardLogDet(Tensor x) {
        check(x);
        Tensor[] st = scaleAndShift(x.mul(mask));
        Tensor z = x.mul(st[0].exp()).add(st[1]);
        return new Transformed(z, sumPerExample(st[0]));
    }

    @Override
    public Transformed inverseLogDet(Tensor z) {
        check(z);
        Tensor[] st = scaleAndShift(z.mul(mask));
        Tensor x = z.sub(st[1]).mul(st[0].neg().exp());
        return new Transformed(x, sumPerExample(st[0]).neg());
    }

    public Tensor mask() {
        return mask;
    }
}
