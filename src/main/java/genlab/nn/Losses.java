package genlab.nn;

import genlab.tensor.Shapes;
import genlab.tensor.Tensor;
import genlab.tensor.ops.BceWithLogits;

/**
 * Loss functions, each composed from tensor primitives (so each gets its gradient for free).
 * All return the mean over elements (or over the batch where stated) unless the name says Sum.
 */
public final class Losses {
    private Losses() {}

    /** (1/n) Σ (ŷ − y)². */
    public static Tensor mse(Tensor pred, Tensor target) {
        same("mse", pred, target);
        return pred.sub(target).square().mean();
    }

    /** Σ (ŷ − y)² (the seed notes' VAE reconstruction term). */
    public static Tensor mseSum(Tensor pred, Tensor target) {
        same("mse", pred, target);
        return pred.sub(target).square().sum();
    }

    /**
     * Binary cross-entropy of probabilities: −[y·ln p + (1 − y)·ln(1 − p)], mean. The logs are
     * clamped at −100, as in PyTorch, so p = 0 or 1 gives a large finite loss instead of ∞.
     */
    public static Tensor bce(Tensor p, Tensor target) {
        return bceTerms(p, target).mean();
    }

    /** Summed binary cross-entropy (the seed notes' VAE reconstruction term). */
    public static Tensor bceSum(Tensor p, Tensor target) {
        return bceTerms(p, target).sum();
    }

    private static Tensor bceTerms(Tensor p, Tensor target) {
        same("bce", p, target);
        Tensor logP = clampedLog(p);
        Tensor log1mP = clampedLog(p.rsub(1f));
        return target.mul(logP).add(target.rsub(1f).mul(log1mP)).neg();
    }

    /**
     * max(ln q, −100) in the forward pass, with the derivative 1/max(q, 10⁻¹²) as PyTorch's BCELoss
     * backward clamps it. A float sigmoid reaches exactly 0 or 1 (|logit| above about 17 or 88); the
     * plain composition then back-propagates 0/0 = NaN through ln at 0 (the seed MLP GAN's
     * discriminator hit this after about 1,600 steps). The detached term carries the forward value
     * where q &lt; 10⁻¹², and is exactly 0 elsewhere.
     */
    private static Tensor clampedLog(Tensor q) {
        Tensor smooth = q.maximum(Tensor.scalar(1e-12f)).log();
        Tensor exact = q.log().maximum(Tensor.scalar(-100f));
        return smooth.add(exact.sub(smooth).detach());
    }

    /**
     * Binary cross-entropy on logits x, stable for any x: since −ln σ(x) = softplus(−x) and
     * −ln(1 − σ(x)) = softplus(x), BCE(σ(x), y) = softplus(x) − x·y, with softplus(x) computed as
     * max(x, 0) + ln(1 + e^−|x|), so nothing overflows, and the derivative σ(x) − y exactly (also at
     * x = 0, where a max/abs form would pick a subgradient). One fused op ({@link BceWithLogits}),
     * then the mean.
     */
    public static Tensor bceWithLogits(Tensor logits, Tensor target) {
        same("bce_with_logits", logits, target);
        return BceWithLogits.apply(logits, target).mean();
    }

    /** Summed binary cross-entropy on logits (the VAE's reconstruction term computed from the decoder's logits). */
    public static Tensor bceWithLogitsSum(Tensor logits, Tensor target) {
        same("bce_with_logits", logits, target);
        return BceWithLogits.apply(logits, target).sum();
    }

    /** Cross-entropy of logits (N, C) against class labels: −(1/N) Σ log softmax(x)[label]. */
    public static Tensor crossEntropy(Tensor logits, int[] labels) {
        if (logits.dim() != 2 || logits.size(0) != labels.length) {
            throw new IllegalArgumentException("cross_entropy: logits " + Shapes.str(logits.shape()) + " for " + labels.length + " labels");
        }
        int c = logits.size(1);
        float[] oneHot = new float[labels.length * c];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= c) throw new IllegalArgumentException("cross_entropy: label " + labels[i] + " out of range [0, " + c + ")");
            oneHot[i * c + labels[i]] = 1;
        }
        return logits.logSoftmax(1).mul(Tensor.of(oneHot, labels.length, c)).sum().div(-labels.length);
    }

    /**
     * KL(N(μ, σ²) ‖ N(0, 1)) summed over all elements: −½ Σ (1 + log σ² − μ² − σ²), with
     * {@code logVar} = log σ² (the VAE's regulariser, Kingma and Welling 2014, Appendix B).
     */
    public static Tensor gaussianKlToStandard(Tensor mu, Tensor logVar) {
        same("gaussian_kl", mu, logVar);
        return logVar.add(1f).sub(mu.square()).sub(logVar.exp()).sum().mul(-0.5f);
    }

    /** −log N(x; μ, σ²) summed over all elements: ½ Σ (log 2π + log σ² + (x − μ)²/σ²). */
    public static Tensor gaussianNll(Tensor x, Tensor mu, Tensor logVar) {
        return logVar.add((float) Math.log(2 * Math.PI)).add(x.sub(mu).square().div(logVar.exp())).sum().mul(0.5f);
    }

    private static void same(String name, Tensor a, Tensor b) {
        if (!Shapes.same(a.shape(), b.shape())) {
            throw new IllegalArgumentException(name + ": prediction " + Shapes.str(a.shape()) + " and target " + Shapes.str(b.shape()) + " differ in shape");
        }
    }
}
