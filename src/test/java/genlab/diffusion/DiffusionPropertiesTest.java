package genlab.diffusion;

import genlab.tensor.Cases;
import genlab.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The derivations of DDPM, each checked on seeded random cases (100 by default, more with
 * -Dgenlab.cases=N): random schedules (linear or cosine, random T), time steps and data.
 */
class DiffusionPropertiesTest {

    static LongStream seeds() {
        return Cases.seeds();
    }

    /** A few cases for the Monte-Carlo properties, which cost more. */
    static LongStream fewSeeds() {
        return LongStream.range(0, Math.max(5, Long.getLong("genlab.cases", 100) / 10));
    }

    private static NoiseSchedule schedule(SplittableRandom g) {
        int T = 2 + g.nextInt(1000);
        return g.nextBoolean() ? NoiseSchedule.linear(T) : NoiseSchedule.cosine(T);
    }

    private static String describe(NoiseSchedule s, long seed) {
        return "seed " + seed + ", " + s;
    }

    /** Composing t one-step kernels q(x_s | x_{s−1}) gives q(x_t | x_0): mean √ᾱ_t·x_0, variance 1 − ᾱ_t. */
    @ParameterizedTest @MethodSource("seeds")
    void composedKernelsGiveTheClosedForm(long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        NoiseSchedule s = schedule(g);
        int t = 1 + g.nextInt(s.steps());
        // x_s = √α_s·x_{s−1} + √β_s·z: the mean scales by √α_s, the variance maps v -> α_s·v + β_s.
        double mean = 1, var = 0;
        for (int k = 1; k <= t; k++) {
            mean *= Math.sqrt(s.alpha(k));
            var = s.alpha(k) * var + s.beta(k);
        }
        assertEquals(Math.sqrt(s.alphaBar(t)), mean, 1e-12, "mean coefficient at t = " + t + ", " + describe(s, seed));
        assertEquals(1 - s.alphaBar(t), var, 1e-9, "variance at t = " + t + ", " + describe(s, seed));
    }

    /** The same by simulation: 40,000 chains run step by step with ForwardProcess.step match the closed form's moments. */
    @ParameterizedTest @MethodSource("fewSeeds")
    void simulatedChainsMatchTheClosedForm(long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        NoiseSchedule s = g.nextBoolean() ? NoiseSchedule.linear(2 + g.nextInt(60)) : NoiseSchedule.cosine(2 + g.nextInt(60));
        int t = 1 + g.nextInt(s.steps()), n = 40_000;
        float x0 = (float) (g.nextDouble() * 2 - 1);
        ForwardProcess q = new ForwardProcess(s);
        Tensor x = Tensor.full(x0, n);
        for (int k = 1; k <= t; k++) x = q.step(x, k, Tensor.randn(g, n));
        double m = 0, v = 0;
        for (float f : x.data()) m += f / (double) n;
        for (float f : x.data()) v += (f - m) * (f - m) / (n - 1);
        double mu = Math.sqrt(s.alphaBar(t)) * x0, sd = Math.sqrt(1 - s.alphaBar(t));
        assertEquals(mu, m, 5 * sd / Math.sqrt(n) + 1e-6, "mean at t = " + t + ", " + describe(s, seed));
        // The sample variance has standard error about σ²·√(2/n).
        assertEquals(sd * sd, v, 5 * sd * sd * Math.sqrt(2.0 / n) + 1e-6, "variance at t = " + t + ", " + describe(s, seed));
    }

    /** ᾱ_t is strictly decreasing and ᾱ_T is close to 0, for both schedules and any T. */
    @ParameterizedTest @MethodSource("seeds")
    void alphaBarDecreasesToNearZero(long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        int T = 10 + g.nextInt(2000);
        for (NoiseSchedule s : new NoiseSchedule[] {NoiseSchedule.linear(T), NoiseSchedule.cosine(T)}) {
            assertEquals(1.0, s.alphaBar(0));
            for (int t = 1; t <= T; t++) {
                assertTrue(s.alphaBar(t) < s.alphaBar(t - 1), "ᾱ not decreasing at t = " + t + ", " + describe(s, seed));
                assertTrue(s.alphaBar(t) > 0, "ᾱ_" + t + " not positive, " + describe(s, seed));
            }
            assertTrue(s.alphaBar(T) < 1e-3, "ᾱ_T = " + s.alphaBar(T) + " is not near 0, " + describe(s, seed));
        }
    }

    /**
     * The posterior q(x_{t−1} | x_t, x_0) is the normalised product of the likelihood q(x_t | x_{t−1})
     * and the prior q(x_{t−1} | x_0): its mean and variance, computed by quadrature on a fine grid,
     * equal μ̃_t and β̃_t.
     */
    @ParameterizedTest @MethodSource("seeds")
    void posteriorIsTheBayesProduct(long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        NoiseSchedule s = schedule(g);
        int t = 2 + g.nextInt(s.steps() - 1 + (s.steps() == 1 ? 1 : 0));
        if (t > s.steps()) return; // T = 1 has no t ≥ 2
        double x0 = g.nextDouble() * 2 - 1;
        double xt = Math.sqrt(s.alphaBar(t)) * x0 + Math.sqrt(1 - s.alphaBar(t)) * g.nextGaussian();
        double pm = Math.sqrt(s.alphaBar(t - 1)) * x0, pv = 1 - s.alphaBar(t - 1); // prior q(x_{t−1} | x_0)
        double a = s.alpha(t), b = s.beta(t);                                      // likelihood q(x_t | x_{t−1})
        // Quadrature over x_{t−1} around the product's mode, in log space to avoid underflow.
        double prec = 1 / pv + a / b, centre = (pm / pv + Math.sqrt(a) * xt / b) / prec, width = 12 / Math.sqrt(prec);
        int n = 20_001;
        double h = 2 * width / (n - 1), z = 0, m1 = 0, m2 = 0;
        double logMax = Double.NEGATIVE_INFINITY;
        double[] logw = new double[n];
        for (int i = 0; i < n; i++) {
            double y = centre - width + i * h;
            logw[i] = -(y - pm) * (y - pm) / (2 * pv) - (xt - Math.sqrt(a) * y) * (xt - Math.sqrt(a) * y) / (2 * b);
            logMax = Math.max(logMax, logw[i]);
        }
        for (int i = 0; i < n; i++) {
            double y = centre - width + i * h, w = Math.exp(logw[i] - logMax);
            z += w;
            m1 += w * y;
            m2 += w * y * y;
        }
        double mean = m1 / z, var = m2 / z - mean * mean;
        Posterior post = new Posterior(s);
        String at = "t = " + t + ", x0 = " + x0 + ", xt = " + xt + ", " + describe(s, seed);
        assertEquals(mean, post.mean(xt, x0, t), 1e-7 * (1 + Math.abs(mean)), "posterior mean, " + at);
        assertEquals(var, post.variance(t), 1e-6 * var, "posterior variance, " + at);
    }

    /** x_0 = (x_t − √(1 − ᾱ_t)·ε)/√ᾱ_t recovers the data from (x_t, ε) up to float rounding. */
    @ParameterizedTest @MethodSource("seeds")
    void x0IsRecoveredFromXtAndEps(long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        NoiseSchedule s = schedule(g);
        int b = 1 + g.nextInt(4), d = 1 + g.nextInt(50);
        Tensor x0 = Tensor.rand(g, b, d).mul(2f).sub(1f), eps = Tensor.randn(g, b, d);
        int[] t = new int[b];
        for (int i = 0; i < b; i++) t[i] = g.nextInt(s.steps() + 1);
        ForwardProcess q = new ForwardProcess(s);
        Tensor back = q.x0FromEps(q.sample(x0, t, eps), t, eps);
        for (int i = 0; i < b; i++) {
            // Rounding of x_t (|x_t| ≤ ~5) is magnified by 1/√ᾱ_t on the way back.
            double tol = 4e-6 / Math.sqrt(s.alphaBar(t[i]));
            for (int j = 0; j < d; j++) {
                assertEquals(x0.data()[i * d + j], back.data()[i * d + j], tol, "example " + i + " at t = " + t[i] + ", " + describe(s, seed));
            }
        }
    }

    /**
     * Each term of the bound is a KL divergence between Gaussians; its closed form matches the
     * Monte-Carlo estimate E_q[log q(y) − log p(y)] from 200,000 draws of y ~ q(x_{t−1} | x_t, x_0).
     */
    @ParameterizedTest @MethodSource("fewSeeds")
    void perStepKlTermsMatchMonteCarlo(long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        NoiseSchedule s = NoiseSchedule.byName(g.nextBoolean() ? "linear" : "cosine", 10 + g.nextInt(990));
        int t = 2 + g.nextInt(s.steps() - 1);
        double x0 = g.nextDouble() * 2 - 1;
        double xt = Math.sqrt(s.alphaBar(t)) * x0 + Math.sqrt(1 - s.alphaBar(t)) * g.nextGaussian();
        Posterior post = new Posterior(s);
        double qm = post.mean(xt, x0, t), qv = post.variance(t);
        double muTheta = qm + g.nextGaussian() * Math.sqrt(s.beta(t)); // a model that is off by about one σ
        VariationalBound vb = new VariationalBound(s);
        double closed = vb.diffusionTerm(x0, xt, muTheta, t);
        int n = 200_000;
        double sum = 0, sq = 0;
        for (int i = 0; i < n; i++) {
            double y = qm + Math.sqrt(qv) * g.nextGaussian();
            double lr = logNormal(y, qm, qv) - logNormal(y, muTheta, s.beta(t));
            sum += lr;
            sq += lr * lr;
        }
        double mc = sum / n, se = Math.sqrt((sq / n - mc * mc) / n);
        assertEquals(closed, mc, 5 * se + 1e-9, "L_t−1 at t = " + t + ", " + describe(s, seed));

        // L_T = KL(q(x_T | x_0) ‖ N(0, 1)) likewise.
        double ab = s.alphaBar(s.steps()), m = Math.sqrt(ab) * x0, v = 1 - ab;
        sum = 0;
        sq = 0;
        for (int i = 0; i < n; i++) {
            double y = m + Math.sqrt(v) * g.nextGaussian();
            double lr = logNormal(y, m, v) - logNormal(y, 0, 1);
            sum += lr;
            sq += lr * lr;
        }
        mc = sum / n;
        se = Math.sqrt(Math.max(0, sq / n - mc * mc) / n);
        assertEquals(vb.priorTerm(x0), mc, 5 * se + 1e-9, "L_T, " + describe(s, seed));
    }

    /**
     * The bound's estimate of Σ_{t=2}^T L_{t−1} (importance-sampled, stratified t) is unbiased: for data
     * that is one point x_0* and the exact denoiser ε(x_t, t) = (x_t − √ᾱ_t·x_0*)/√(1 − ᾱ_t), x̂_0 = x_0*,
     * μ_θ = μ̃_t and every term is the closed form D·½(ln(β_t/β̃_t) + β̃_t/β_t − 1), whatever x_t; the
     * mean of 400 estimates with K random t each must match the sum over all t.
     */
    @ParameterizedTest @MethodSource("fewSeeds")
    void boundEstimateMatchesTheSumOverAllSteps(long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        NoiseSchedule s = NoiseSchedule.byName(g.nextBoolean() ? "linear" : "cosine", 2 + g.nextInt(999));
        int d = 3, b = 2, k = 1 + g.nextInt(8), reps = 400;
        float[] point = new float[d];
        for (int j = 0; j < d; j++) point[j] = (float) (g.nextDouble() * 2 - 1);
        float[] data = new float[b * d];
        for (int i = 0; i < b; i++) System.arraycopy(point, 0, data, i * d, d);
        EpsModel exact = (xt, t, labels) -> {
            float[] x = xt.data(), e = new float[x.length];
            for (int i = 0; i < t.length; i++) {
                double ab = s.alphaBar(t[i]);
                for (int j = 0; j < d; j++) e[i * d + j] = (float) ((x[i * d + j] - Math.sqrt(ab) * point[j]) / Math.sqrt(1 - ab));
            }
            return Tensor.of(e, xt.shape());
        };
        Posterior post = new Posterior(s);
        double closed = 0;
        for (int t = 2; t <= s.steps(); t++) {
            double v = post.variance(t), beta = s.beta(t);
            closed += d * 0.5 * (Math.log(beta / v) + v / beta - 1);
        }
        closed /= d * Math.log(2);
        VariationalBound vb = new VariationalBound(s);
        double sum = 0, sq = 0;
        for (int r = 0; r < reps; r++) {
            double est = vb.estimate(exact, Tensor.of(data, b, d), null, k, g).diffusionBits();
            sum += est;
            sq += est * est;
        }
        double mean = sum / reps, se = Math.sqrt(Math.max(0, sq / reps - mean * mean) / reps);
        assertEquals(closed, mean, 5 * se + 1e-4 * closed, "Σ L_t−1 in bits/dim, K = " + k + ", " + describe(s, seed));
    }

    /** The discretized Gaussian's 256 bin masses sum to 1, and an interior bin's mass is the density's integral over it. */
    @ParameterizedTest @MethodSource("seeds")
    void discretizedGaussianIsADistributionOverTheBins(long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        double mean = g.nextDouble() * 2.4 - 1.2, std = Math.exp(g.nextDouble() * 6 - 6); // σ from 0.0025 to 1
        double total = 0;
        for (int k = 0; k < 256; k++) total += Math.exp(DiscretizedGaussian.logProb(-1 + 2.0 * k / 255, mean, std));
        assertEquals(1.0, total, 1e-6, "mean " + mean + ", std " + std);
        int k = 1 + g.nextInt(254);
        double x = -1 + 2.0 * k / 255, lo = x - 1.0 / 255, hi = x + 1.0 / 255, integral = 0;
        int n = 2000;
        for (int i = 0; i < n; i++) {
            double y = lo + (i + 0.5) * (hi - lo) / n;
            integral += Math.exp(logNormal(y, mean, std * std)) * (hi - lo) / n;
        }
        double p = Math.exp(DiscretizedGaussian.logProb(x, mean, std));
        assertEquals(integral, p, 1e-5 * Math.max(integral, 1e-12) + 1e-9, "bin " + k + ", mean " + mean + ", std " + std);
    }

    private static double logNormal(double y, double m, double v) {
        return -0.5 * Math.log(2 * Math.PI * v) - (y - m) * (y - m) / (2 * v);
    }
}
