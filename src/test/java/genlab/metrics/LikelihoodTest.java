package genlab.metrics;

import genlab.nn.Losses;
import genlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BitsPerDim and GaussianLogDensity. */
class LikelihoodTest {
    @Test
    void bitsPerDimRoundTrips() {
        assertEquals(1, BitsPerDim.fromNats(784 * Math.log(2), 784), 1e-15);
        for (double bpd : new double[] {0.5, 1.06, 3.2, 8}) {
            assertEquals(bpd, BitsPerDim.fromNats(BitsPerDim.toNats(bpd, 784), 784), 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> BitsPerDim.fromNats(1, 0));
    }

    /** The uniform density on [0, 1)ᴰ (NLL 0) is 8 bits per 8-bit pixel: a uniform guess among 256 levels. */
    @Test
    void dequantizationAddsEightBitsPerDimension() {
        assertEquals(8, BitsPerDim.fromUnitScaleNats(0, 784), 1e-12);
        assertEquals(BitsPerDim.fromNats(-500, 784) + 8, BitsPerDim.fromUnitScaleNats(-500, 784), 1e-12);
    }

    @Test
    void dequantizeFillsEachPixelsCell() {
        float[] x = new float[256];
        for (int k = 0; k < 256; k++) x[k] = k / 255f;
        SplittableRandom rng = new SplittableRandom(1);
        for (int rep = 0; rep < 20; rep++) {
            float[] y = BitsPerDim.dequantize(Tensor.of(x, 256), rng).data();
            for (int k = 0; k < 256; k++) {
                assertTrue(y[k] >= k / 256f && y[k] < (k + 1) / 256f, "pixel " + k + " -> " + y[k]);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> BitsPerDim.dequantize(Tensor.of(new float[] {1.5f}, 1), rng));
    }

    @Test
    void standardNormalAtZeroIsMinusHalfLogTwoPiPerDimension() {
        double[] l = GaussianLogDensity.standard(Tensor.zeros(2, 3));
        assertEquals(-1.5 * Math.log(2 * Math.PI), l[0], 1e-12);
        assertEquals(l[0], l[1], 0);
        double[] one = GaussianLogDensity.standard(Tensor.of(new float[] {1, 2}, 1, 2));
        assertEquals(-Math.log(2 * Math.PI) - 0.5 * 5, one[0], 1e-12);
    }

    /** exp(log-density) integrates to 1 (midpoint rule over ±10σ) for a 1-D Gaussian with μ = 0.7, σ = 0.3. */
    @Test
    void diagonalDensityIntegratesToOne() {
        double mu = 0.7, logVar = 2 * Math.log(0.3);
        int n = 20_000;
        float[] x = new float[n], m = new float[n], lv = new float[n];
        double lo = mu - 3, h = 6.0 / n;
        for (int i = 0; i < n; i++) {
            x[i] = (float) (lo + (i + 0.5) * h);
            m[i] = (float) mu;
            lv[i] = (float) logVar;
        }
        double[] l = GaussianLogDensity.diagonal(Tensor.of(x, n, 1), Tensor.of(m, n, 1), Tensor.of(lv, n, 1));
        double integral = 0;
        for (double v : l) integral += Math.exp(v) * h;
        assertEquals(1, integral, 1e-6);
    }

    @Test
    void diagonalAgreesWithStandardAndWithTheGaussianNllLoss() {
        SplittableRandom rng = new SplittableRandom(2);
        Tensor x = Tensor.randn(rng, 4, 6), mu = Tensor.randn(rng, 4, 6), lv = Tensor.randn(rng, 4, 6);
        double[] std = GaussianLogDensity.standard(x), diag0 = GaussianLogDensity.diagonal(x, Tensor.zeros(4, 6), Tensor.zeros(4, 6));
        for (int i = 0; i < 4; i++) assertEquals(std[i], diag0[i], 1e-12);
        double[] l = GaussianLogDensity.diagonal(x, mu, lv);
        double total = 0;
        for (double v : l) total += v;
        assertEquals(-total, Losses.gaussianNll(x, mu, lv).item(), 1e-4 * Math.abs(total));
        assertThrows(IllegalArgumentException.class, () -> GaussianLogDensity.diagonal(x, Tensor.zeros(4, 5), lv));
    }
}
