package genlab.models.vae;

import genlab.tensor.Autograd;
import genlab.tensor.Cases;
import genlab.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property tests of the VAE's derivations, {@code -Dgenlab.cases=N} seeded cases each (default 100).
 * Monte-Carlo comparisons allow 5 standard errors (estimated from the same samples), so a correct
 * implementation fails one case in about 3 million comparisons, and a wrong formula fails at once.
 */
class VaePropertiesTest {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    static LongStream seeds() {
        return Cases.seeds();
    }

    /** A fifth of the cases, for the importance-weighted property (each case decodes 36,000 codes). */
    static LongStream fewerSeeds() {
        return Cases.seeds().limit(Math.max(1, Cases.seeds().count() / 5));
    }

    /** Random μ and log σ² (1, L), L in 1..4, log σ² in [−3, 1.5]. */
    private static GaussianPosterior randomPosterior(SplittableRandom rng, int l) {
        float[] mu = new float[l], lv = new float[l];
        for (int j = 0; j < l; j++) {
            mu[j] = (float) (2 * rng.nextGaussian());
            lv[j] = (float) (-3 + 4.5 * rng.nextDouble());
        }
        return new GaussianPosterior(Tensor.of(mu, 1, l).requiresGrad(true), Tensor.of(lv, 1, l).requiresGrad(true));
    }

    /** KL(q ‖ N(0, I)) in closed form equals E_q[log q(z) − log p(z)] estimated from 20,000 draws (in double). */
    @ParameterizedTest
    @MethodSource("seeds")
    void closedFormKlEqualsMonteCarlo(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int l = 1 + rng.nextInt(4), n = 20_000;
        GaussianPosterior q = randomPosterior(rng, l);
        float[] mu = q.mu().data(), lv = q.logVar().data();
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++) {
            double logRatio = 0;
            for (int j = 0; j < l; j++) {
                double sigma = Math.exp(0.5 * lv[j]), eps = rng.nextGaussian(), z = mu[j] + sigma * eps;
                double logQ = -0.5 * (eps * eps + lv[j] + LOG_2PI), logP = -0.5 * (z * z + LOG_2PI);
                logRatio += logQ - logP;
            }
            sum += logRatio;
            sumSq += logRatio * logRatio;
        }
        double mean = sum / n, se = Math.sqrt((sumSq / n - mean * mean) / n);
        double kl = q.kl().item();
        assertEquals(mean, kl, 5 * se + 1e-4 * (1 + Math.abs(kl)), "seed " + seed + ", L " + l + ": closed-form KL vs Monte Carlo");
    }

    /** log q(z|x) and log p(z) as tensors equal the Gaussian log densities written out in double. */
    @ParameterizedTest
    @MethodSource("seeds")
    void logDensitiesMatchTheFormula(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int l = 1 + rng.nextInt(4);
        GaussianPosterior q = randomPosterior(rng, l);
        float[] zd = new float[l];
        for (int j = 0; j < l; j++) zd[j] = (float) (3 * rng.nextGaussian());
        Tensor z = Tensor.of(zd, 1, l);
        double logQ = 0, logP = 0;
        for (int j = 0; j < l; j++) {
            double m = q.mu().data()[j], v = Math.exp(q.logVar().data()[j]);
            logQ += -0.5 * ((zd[j] - m) * (zd[j] - m) / v + Math.log(v) + LOG_2PI);
            logP += -0.5 * (zd[j] * zd[j] + LOG_2PI);
        }
        assertEquals(logQ, q.logDensity(z).item(), 1e-4 * (1 + Math.abs(logQ)), "seed " + seed + ": log q");
        assertEquals(logP, GaussianPosterior.priorLogDensity(z).item(), 1e-4 * (1 + Math.abs(logP)), "seed " + seed + ": log p");
    }

    /**
     * For f(z) = Σⱼ aⱼ zⱼ² + bⱼ zⱼ, E_q[f] = Σⱼ aⱼ(μⱼ² + σⱼ²) + bⱼ μⱼ, so ∂/∂μⱼ = 2aⱼμⱼ + bⱼ and
     * ∂/∂ log σⱼ² = aⱼ σⱼ². The mean of the reparameterized per-sample gradients matches both.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void reparameterizedGradientIsUnbiasedForQuadratics(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int l = 1 + rng.nextInt(4), n = 4_000;
        GaussianPosterior q1 = randomPosterior(rng, l);
        Tensor mu = q1.mu(), logVar = q1.logVar();
        float[] a = new float[l], b = new float[l];
        for (int j = 0; j < l; j++) {
            a[j] = (float) rng.nextGaussian();
            b[j] = (float) rng.nextGaussian();
        }
        Tensor eps = Tensor.randn(rng, n, l); // (N, L)
        GaussianPosterior q = new GaussianPosterior(mu.broadcastTo(n, l), logVar.broadcastTo(n, l));
        Tensor z = q.sample(eps); // (N, L)
        Tensor f = z.square().mul(Tensor.of(a, 1, l)).add(z.mul(Tensor.of(b, 1, l))).sum().div(n);
        Tensor[] g = Autograd.grad(f, java.util.List.of(mu, logVar), false);
        float[] e = eps.data();
        for (int j = 0; j < l; j++) {
            double m = mu.data()[j], s2 = Math.exp(logVar.data()[j]), s = Math.sqrt(s2);
            // per-sample gradients, for the standard errors
            double sm = 0, smSq = 0, sv = 0, svSq = 0;
            for (int i = 0; i < n; i++) {
                double zi = m + s * e[i * l + j], gm = 2 * a[j] * zi + b[j], gv = gm * 0.5 * s * e[i * l + j];
                sm += gm;
                smSq += gm * gm;
                sv += gv;
                svSq += gv * gv;
            }
            double seM = Math.sqrt(Math.max(0, smSq / n - (sm / n) * (sm / n)) / n);
            double seV = Math.sqrt(Math.max(0, svSq / n - (sv / n) * (sv / n)) / n);
            double wantM = 2 * a[j] * m + b[j], wantV = a[j] * s2;
            assertEquals(wantM, g[0].data()[j], 5 * seM + 1e-4 * (1 + Math.abs(wantM)), "seed " + seed + ": ∂E[f]/∂μ[" + j + "]");
            assertEquals(wantV, g[1].data()[j], 5 * seV + 1e-4 * (1 + Math.abs(wantV)), "seed " + seed + ": ∂E[f]/∂logσ²[" + j + "]");
        }
    }

    /**
     * On a small random VAE with a 2-D latent and grey images: for every draw, log mean w ≥ mean log w
     * (Jensen); the mean log-weight estimates the ELBO (reconstruction sampled, KL closed form); and
     * the estimates of L₁ ≤ L₅ ≤ L₅₀ rise towards log p(x), computed by quadrature over z.
     */
    @ParameterizedTest
    @MethodSource("fewerSeeds")
    void elboNeverExceedsTheImportanceWeightedBoundWhichRisesWithK(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        ReconstructionLoss r = ReconstructionLoss.values()[rng.nextInt(2)];
        MlpVae vae = new MlpVae(new int[] {1, 2, 3}, 6, 2, rng);
        int reps = 200, k = 50, total = reps * k; // 10,000 log-weights per image
        float[] xd = new float[6];
        for (int i = 0; i < 6; i++) xd[i] = (float) rng.nextDouble();
        Tensor x = Tensor.of(xd, 1, 1, 2, 3);
        // the same image in 200 rows, 50 samples each: one call gives 10,000 log-weights
        Tensor xs = x.broadcastTo(reps, 1, 2, 3).copy();
        double[][] rows = ImportanceWeightedBound.logWeights(vae, xs, r, k, rng);
        double[] logW = new double[total];
        for (int i = 0; i < reps; i++) System.arraycopy(rows[i], 0, logW, i * k, k);

        // Jensen, per draw
        double[] bound = ImportanceWeightedBound.bound(rows), meanLw = ImportanceWeightedBound.meanLogWeight(rows);
        for (int i = 0; i < reps; i++) assertTrue(bound[i] >= meanLw[i] - 1e-9, "seed " + seed + ": log mean w < mean log w");

        // E[log w] is the ELBO: compare with E_q[log p(x|z)] − KL(closed form) from independent samples
        double elbo;
        try (var ng = Autograd.noGrad()) {
            GaussianPosterior q = vae.encode(xs);
            Tensor ll = r.logLikelihood(vae.decode(q.sample(rng)), xs); // (reps,)
            double s = 0;
            for (float v : ll.data()) s += v;
            elbo = s / reps - q.klPerExample().data()[0];
        }
        double[] l1 = group(logW, 1), l5 = group(logW, 5), l50 = group(logW, 50);
        assertEquals(l1[0], elbo, 5 * Math.hypot(l1[1], spread(logW) / Math.sqrt(reps)) + 1e-4, "seed " + seed + ": E[log w] vs ELBO");

        double logPx = logMarginalByQuadrature(vae, x, r);
        assertTrue(l1[0] <= l5[0] + 5 * Math.hypot(l1[1], l5[1]), "seed " + seed + ": L1 " + l1[0] + " > L5 " + l5[0]);
        assertTrue(l5[0] <= l50[0] + 5 * Math.hypot(l5[1], l50[1]), "seed " + seed + ": L5 " + l5[0] + " > L50 " + l50[0]);
        assertTrue(l50[0] <= logPx + 5 * l50[1] + 1e-3, "seed " + seed + ": L50 " + l50[0] + " > log p(x) " + logPx);
        assertTrue(logPx - l50[0] <= logPx - l1[0] + 5 * Math.hypot(l1[1], l50[1]), "seed " + seed + ": L50 no closer to log p(x) than L1");
    }

    /** {mean, standard error} of log mean exp over consecutive groups of k log-weights. */
    private static double[] group(double[] logW, int k) {
        int g = logW.length / k;
        double sum = 0, sumSq = 0;
        for (int i = 0; i < g; i++) {
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) m = Math.max(m, logW[i * k + j]);
            double s = 0;
            for (int j = 0; j < k; j++) s += Math.exp(logW[i * k + j] - m);
            double v = m + Math.log(s / k);
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / g;
        return new double[] {mean, Math.sqrt(Math.max(0, sumSq / g - mean * mean) / g)};
    }

    private static double spread(double[] v) {
        double s = 0, s2 = 0;
        for (double x : v) { s += x; s2 += x * x; }
        double m = s / v.length;
        return Math.sqrt(Math.max(0, s2 / v.length - m * m));
    }

    /** log ∫ p(x|z) N(z; 0, I) dz over z ∈ [−8, 8]², midpoint rule on a 161×161 grid (step 0.1), in double. */
    private static double logMarginalByQuadrature(MlpVae vae, Tensor x, ReconstructionLoss r) {
        int n = 161;
        double lo = -8, h = 16.0 / n;
        float[] z = new float[n * n * 2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                z[(i * n + j) * 2] = (float) (lo + (i + 0.5) * h);
                z[(i * n + j) * 2 + 1] = (float) (lo + (j + 0.5) * h);
            }
        }
        double[] terms = new double[n * n];
        try (var ng = Autograd.noGrad()) {
            Tensor zt = Tensor.of(z, n * n, 2);
            Tensor ll = r.logLikelihood(vae.decode(zt), x.broadcastTo(n * n, 1, 2, 3).copy()); // (n², )
            Tensor lp = GaussianPosterior.priorLogDensity(zt);
            for (int i = 0; i < terms.length; i++) terms[i] = (double) ll.data()[i] + lp.data()[i] + 2 * Math.log(h);
        }
        double m = Double.NEGATIVE_INFINITY;
        for (double t : terms) m = Math.max(m, t);
        double s = 0;
        for (double t : terms) s += Math.exp(t - m);
        return m + Math.log(s);
    }
}
