package genlab.flow;

import genlab.tensor.Tensor;

/**
 * RealNVP's logit preprocessing (section 4.1): from the unit cube to all of ℝᴰ, away from the
 * edges where the logit is steep,
 * <pre>
 *   p = α + (1 − 2α) y,    z = logit(p) = log p − log(1 − p)
 *   log |det ∂z/∂y| = Σ [ log(1 − 2α) − log p − log(1 − p) ]
 *   y = (sigmoid(z) − α) / (1 − 2α)
 * </pre>
 * α = 0.05 as in the paper.
 */
public final class Logit extends Bijector {
    private final double alpha;

    public Logit(double alpha) {
        if (!(alpha >= 0 && alpha < 0.5)) throw new IllegalArgumentException("Logit: alpha must be in [0, 0.5), got " + alpha);
        this.alpha = alpha;
    }

    @Override
    public Transformed forwardLogDet(Tensor y) {
        Tensor p = y.mul((float) (1 - 2 * alpha)).add((float) alpha);
        Tensor logP = p.log(), log1mP = p.rsub(1f).log();
        Tensor z = logP.sub(log1mP);
        int d = y.numel() / y.size(0);
        Tensor logDet = sumPerExample(logP.add(log1mP)).neg().add((float) (d * Math.log(1 - 2 * alpha)));
        return new Transformed(z, logDet);
    }

    @Override
    public Transformed inverseLogDet(Tensor z) {
        Tensor p = z.sigmoid();
        Tensor y = p.sub((float) alpha).div((float) (1 - 2 * alpha));
        // log p + log(1 − p) = −softplus(−z) − softplus(z), finite for large |z|
        Tensor logP1mP = z.neg().softplus().add(z.softplus()).neg();
        int d = z.numel() / z.size(0);
        Tensor logDet = sumPerExample(logP1mP).sub((float) (d * Math.log(1 - 2 * alpha)));
        return new Transformed(y, logDet);
    }
}
