package genlab.flow;

import genlab.tensor.Tensor;

import java.util.List;

/**
 * RealNVP's multi-scale architecture (section 3.6): at the end of a scale, half of the channels
 * are taken out as latent variables and only the other half goes through the rest of the flow.
 * <pre>
 *   x = (x₁, x₂) split on channels,   z = (flatten(x₁), g(x₂)),   log |det| = log |det ∂g/∂x₂|
 * </pre>
 * where g (the {@code rest}) maps (B, C − C/2, H, W) to (B, (C − C/2)·H·W). The output is always
 * flat, (B, C·H·W); nested FactorOuts give the recursive structure of the paper, with coarse
 * latent variables modelled by deeper layers and fine ones factored out early. Less computation,
 * and a loss that reaches every layer directly.
 */
public final class FactorOut extends Bijector {
    private final int c, h, w, out;
    private final Bijector rest;

    /** {@code (c, h, w)} is the input's shape; {@code rest} takes the last c − c/2 channels. */
    public FactorOut(int c, int h, int w, Bijector rest) {
        if (c < 2) throw new IllegalArgumentException("FactorOut: needs at least 2 channels, got " + c);
        this.c = c;
        this.h = h;
        this.w = w;
        this.out = c / 2;
        this.rest = child("rest", rest);
    }

    @Override
    public Transformed forwardLogDet(Tensor x) {
        if (x.dim() != 4 || x.size(1) != c || x.size(2) != h || x.size(3) != w) {
            throw new IllegalArgumentException("FactorOut(" + c + ", " + h + ", " + w + "): input " + genlab.tensor.Shapes.str(x.shape()));
        }
        int b = x.size(0);
        Tensor z1 = x.slice(1, 0, out).reshape(b, out * h * w);       // (B, C/2·H·W)
        Transformed z2 = rest.forwardLogDet(x.slice(1, out, c));      // (B, (C − C/2)·H·W)
        return new Transformed(Tensor.concat(List.of(z1, z2.value()), 1), z2.logDet());
    }

    @Override
    public Transformed inverseLogDet(Tensor z) {
        int b = z.size(0), d1 = out * h * w;
        if (z.dim() != 2 || z.size(1) != c * h * w) {
            throw new IllegalArgumentException("FactorOut.inverse: expected (B, " + c * h * w + "), got " + genlab.tensor.Shapes.str(z.shape()));
        }
        Tensor x1 = z.slice(1, 0, d1).reshape(b, out, h, w);         // (B, C/2, H, W)
        Transformed x2 = rest.inverseLogDet(z.slice(1, d1, c * h * w)); // (B, C − C/2, H, W)
        return new Transformed(Tensor.concat(List.of(x1, x2.value()), 1), x2.logDet());
    }
}
