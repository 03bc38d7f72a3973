package genlab.models.gan;

import genlab.optim.Adam;
import genlab.tensor.Autograd;
import genlab.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Goodfellow et al. (2014), Proposition 1: for a fixed generator the discriminator maximising V is
 * D*(x) = p_data(x) / (p_data(x) + p_g(x)). Here both densities are fixed 1-D Gaussians with random
 * means and spreads; an MLP discriminator trained on fresh samples with the discriminator loss must
 * land close to D* wherever there is data to learn from.
 */
class OptimalDiscriminatorTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void trainedDiscriminatorApproachesDStar(long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        double m1 = g.nextDouble() * 2 - 1, s1 = 0.5 + g.nextDouble();
        double m2 = m1 + (g.nextBoolean() ? 1 : -1) * (0.5 + g.nextDouble()), s2 = 0.5 + g.nextDouble();
        MlpDiscriminator d = new MlpDiscriminator(1, new int[] {16, 16}, 0.2f, false, 0, g);
        Adam adam = new Adam(d.parameters(), 1e-2);
        int batch = 256;
        for (int step = 0; step < 500; step++) {
            Tensor real = gaussian(g, batch, m1, s1), fake = gaussian(g, batch, m2, s2);
            Tensor loss = GanLoss.MINIMAX.discriminatorLoss(d.forward(real), d.forward(fake));
            adam.zeroGrad();
            loss.backward();
            adam.step();
        }
        // Compare on a grid, where the mixture density is at least 10% of its peak.
        double lo = Math.min(m1 - 3 * s1, m2 - 3 * s2), hi = Math.max(m1 + 3 * s1, m2 + 3 * s2);
        int n = 200;
        float[] xs = new float[n];
        for (int i = 0; i < n; i++) xs[i] = (float) (lo + (hi - lo) * i / (n - 1));
        float[] p;
        try (var ng = Autograd.noGrad()) {
            p = d.forward(Tensor.of(xs, n, 1)).sigmoid().data();
        }
        double peak = 0;
        double[] mix = new double[n];
        for (int i = 0; i < n; i++) {
            mix[i] = pdf(xs[i], m1, s1) + pdf(xs[i], m2, s2);
            peak = Math.max(peak, mix[i]);
        }
        double sumErr = 0, maxErr = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (mix[i] < 0.1 * peak) continue;
            double dStar = pdf(xs[i], m1, s1) / mix[i];
            double err = Math.abs(p[i] - dStar);
            sumErr += err;
            maxErr = Math.max(maxErr, err);
            count++;
        }
        String what = String.format("seed %d: p_data N(%.2f, %.2f²), p_g N(%.2f, %.2f²): mean |D − D*| %.4f, max %.4f over %d points",
                seed, m1, s1, m2, s2, sumErr / count, maxErr, count);
        assertTrue(sumErr / count < 0.03 && maxErr < 0.1, what);
    }

    private static Tensor gaussian(SplittableRandom g, int n, double mean, double std) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (mean + std * g.nextGaussian());
        return Tensor.of(x, n, 1);
    }

    private static double pdf(double x, double m, double s) {
        double z = (x - m) / s;
        return Math.exp(-0.5 * z * z) / (s * Math.sqrt(2 * Math.PI));
    }
}
