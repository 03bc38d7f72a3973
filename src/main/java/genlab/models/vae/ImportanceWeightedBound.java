package genlab.models.vae;

import genlab.tensor.Autograd;
import genlab.tensor.Tensor;

import java.util.random.RandomGenerator;

/**
 * The importance-weighted bound (Burda, Grosse and Salakhutdinov 2016):
 * <pre>
 *   L_k(x) = E_{z₁..z_k ~ q(z|x)} [ log (1/k) Σᵢ wᵢ ],   wᵢ = p(x|zᵢ) p(zᵢ) / q(zᵢ|x)
 * </pre>
 * L₁ is the ELBO, L_k ≤ L_{k+1} ≤ log p(x), and L_k → log p(x) as k → ∞: a tighter estimate of the
 * log-likelihood than the ELBO, computed here for evaluation only (no gradients). By Jensen's
 * inequality, for any one draw of z₁..z_k, log mean wᵢ ≥ mean log wᵢ (the k single-sample ELBO
 * estimates averaged). log p(x|z) is the likelihood the reconstruction loss is the negative log of
 * ({@link ReconstructionLoss#logLikelihood}).
 */
public final class ImportanceWeightedBound {
    private ImportanceWeightedBound() {}

    /** log wᵢ for each example and sample, [B][k], from k fresh reparameterized samples per example. */
    public static double[][] logWeights(Vae vae, Tensor x, ReconstructionLoss r, int k, RandomGenerator rng) {
        if (k < 1) throw new IllegalArgumentException("importance-weighted bound: k must be at least 1, got " + k);
        int b = x.size(0);
        double[][] logW = new double[b][k];
        try (var ng = Autograd.noGrad()) {
            GaussianPosterior q = vae.encode(x);
            for (int i = 0; i < k; i++) {
                Tensor z = q.sample(rng);                                                      // (B, L)
                Tensor lw = r.logLikelihoodFromLogits(vae.decodeLogits(z), x)
                        .add(GaussianPosterior.priorLogDensity(z)).sub(q.logDensity(z));     // (B,)
                float[] d = lw.data();
                for (int j = 0; j < b; j++) logW[j][i] = d[j];
            }
        }
        return logW;
    }

    /** log (1/k) Σᵢ exp(log wᵢ) per example (log-sum-exp, stable for very negative log-weights). */
    public static double[] bound(double[][] logW) {
        double[] out = new double[logW.length];
        for (int j = 0; j < logW.length; j++) {
            double m = Double.NEGATIVE_INFINITY;
            for (double v : logW[j]) m = Math.max(m, v);
            double s = 0;
            for (double v : logW[j]) s += Math.exp(v - m);
            out[j] = m + Math.log(s / logW[j].length);
        }
        return out;
    }

    /** (1/k) Σᵢ log wᵢ per example: the mean of k single-sample ELBO estimates. */
    public static double[] meanLogWeight(double[][] logW) {
        double[] out = new double[logW.length];
        for (int j = 0; j < logW.length; j++) {
            double s = 0;
            for (double v : logW[j]) s += v;
            out[j] = s / logW[j].length;
        }
        return out;
    }

    /** Σ over the batch of L_k(x) (one estimate per example). */
    public static double sum(Vae vae, Tensor x, ReconstructionLoss r, int k, RandomGenerator rng) {
        double s = 0;
        for (double v : bound(logWeights(vae, x, r, k, rng))) s += v;
        return s;
    }
}
