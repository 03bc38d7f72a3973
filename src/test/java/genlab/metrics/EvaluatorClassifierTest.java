package genlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import genlab.data.ImageSet;
import genlab.data.Mnist;
import genlab.kernels.Backend;
import genlab.tensor.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scores on the shipped classifier ({@code lessons/checkpoints/classifier.safetensors}) behave
 * as the issue asks, on real digits: FLD rises with noise and with blur, two halves of the test set
 * are close (FLD small, KID about 0), the test set's IS is near 10 and one digit's near 1.
 * 2,000 digits per set keep it to a few seconds.
 */
class EvaluatorClassifierTest {
    static final int N = 2_000;
    static Evaluator ev;
    static ImageSet train, test;
    static Backend.Scope kernels;

    @BeforeAll
    static void load() {
        // The fast cpu kernels, one thread (the reference kernels would take minutes for these passes).
        kernels = Backend.use(Backend.select("cpu", 1));
        ev = Evaluator.load();
        train = Mnist.load(Mnist.datasetsDir(), Mnist.Split.TRAIN, N);
        test = Mnist.load(Mnist.datasetsDir(), Mnist.Split.TEST, 2 * N);
    }

    @AfterAll
    static void restore() {
        kernels.close();
    }

    static Tensor images(ImageSet set, int from, int count) {
        float[] px = Arrays.copyOfRange(set.pixels(), from * 784, (from + count) * 784);
        return Tensor.of(px, count, 1, 28, 28); // (count, 1, 28, 28)
    }

    @Test
    void fldRisesMonotonicallyWithNoise() {
        double[] sigmas = {0, 0.05, 0.1, 0.2, 0.4};
        double[] fld = new double[sigmas.length];
        for (int i = 0; i < sigmas.length; i++) {
            float[] px = train.pixels().clone();
            SplittableRandom rng = new SplittableRandom(1);
            for (int j = 0; j < px.length; j++) px[j] = (float) Math.min(1, Math.max(0, px[j] + sigmas[i] * gaussian(rng)));
            fld[i] = ev.fld(Tensor.of(px, N, 1, 28, 28));
        }
        System.out.println("FLD for noise sigma " + Arrays.toString(sigmas) + ": " + Arrays.toString(fld));
        for (int i = 1; i < fld.length; i++) {
            assertTrue(fld[i] > fld[i - 1], "FLD must rise with noise: " + Arrays.toString(fld));
        }
        assertTrue(fld[fld.length - 1] > 10 * fld[0], Arrays.toString(fld));
    }

    @Test
    void fldRisesMonotonicallyWithBlur() {
        double[] sigmas = {0, 0.5, 1.0, 1.5, 2.0};
        double[] fld = new double[sigmas.length];
        for (int i = 0; i < sigmas.length; i++) fld[i] = ev.fld(Tensor.of(blur(train.pixels(), N, sigmas[i]), N, 1, 28, 28));
        System.out.println("FLD for blur sigma " + Arrays.toString(sigmas) + ": " + Arrays.toString(fld));
        for (int i = 1; i < fld.length; i++) {
            assertTrue(fld[i] > fld[i - 1], "FLD must rise with blur: " + Arrays.toString(fld));
        }
        assertTrue(fld[fld.length - 1] > 10 * fld[0], Arrays.toString(fld));
    }

    @Test
    void twoHalvesOfTheTestSetAreClose() {
        double[][] a = ev.features(images(test, 0, N)), b = ev.features(images(test, N, N));
        double fldHalves = FrechetDistance.of(a, b);
        double kidHalves = Kid.of(a, b, 10, 1_000, new SplittableRandom(0));
        // The same sizes, other data: what "far" means on each score's scale. Real training digits
        // with faint noise (sigma 0.05, barely visible) and uniform noise.
        double[][] noise = ev.features(Tensor.rand(new SplittableRandom(2), N, 1, 28, 28));
        float[] faint = train.pixels().clone();
        SplittableRandom rng = new SplittableRandom(1);
        for (int j = 0; j < faint.length; j++) faint[j] = (float) Math.min(1, Math.max(0, faint[j] + 0.05 * gaussian(rng)));
        double fldFaint = FrechetDistance.of(a, ev.features(Tensor.of(faint, N, 1, 28, 28)));
        double fldNoise = FrechetDistance.of(a, noise);
        double kidNoise = Kid.of(a, noise, 2, 1_000, new SplittableRandom(0));
        System.out.printf("halves of the test set: FLD %.4f KID %.5f; against faint noise: FLD %.3f; against uniform noise: FLD %.1f KID %.1f%n",
                fldHalves, kidHalves, fldFaint, fldNoise, kidNoise);
        // FLD of two finite samples of one distribution is not 0: each covariance estimate from
        // 2,000 points in 84 dimensions is noisy (the bias shrinks as 1/N).
        assertTrue(fldHalves < 0.5 * fldFaint, "FLD of two halves " + fldHalves + " vs digits with faint noise " + fldFaint);
        assertTrue(fldHalves < 0.01 * fldNoise, fldHalves + " vs uniform noise " + fldNoise);
        // Unbiased MMD²: about 0 either side, its spread over 10 subsets of 1,000 a few units here.
        assertTrue(Math.abs(kidHalves) < 0.005 * kidNoise, "KID of two halves " + kidHalves + " vs noise " + kidNoise);
    }

    @Test
    void inceptionScoreOfTheTestSetIsNearTenAndOfOneDigitNearOne() {
        double isTest = ev.inceptionScore(images(test, 0, N));
        // 2,000 copies of one digit: p(y|x) = p(y) for every x, so IS = exp(0) = 1 exactly.
        float[] copies = new float[N * 784];
        for (int i = 0; i < N; i++) System.arraycopy(test.pixels(), 0, copies, i * 784, 784);
        double isCopies = ev.inceptionScore(Tensor.of(copies, N, 1, 28, 28));
        // Every 7 of the test set: many images, one class.
        int sevens = 0;
        float[] px = new float[2 * N * 784];
        for (int i = 0; i < 2 * N; i++) {
            if (test.label(i) == 7) System.arraycopy(test.pixels(), i * 784, px, 784 * sevens++, 784);
        }
        double isSevens = ev.inceptionScore(Tensor.of(Arrays.copyOf(px, sevens * 784), sevens, 1, 28, 28));
        System.out.printf("IS: test set %.4f, one digit repeated %.6f, the %d sevens %.4f%n", isTest, isCopies, sevens, isSevens);
        assertTrue(isTest > 9.5 && isTest <= 10, "IS of the test set " + isTest);
        assertEquals(1.0, isCopies, 1e-6);
        assertTrue(isSevens >= 1 && isSevens < 1.2, "IS of the sevens " + isSevens);
    }

    /** Box-Muller. */
    static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** Separable Gaussian blur of {@code n} 28x28 images (zero outside, as MNIST's background), radius ⌈3σ⌉. */
    static float[] blur(float[] px, int n, double sigma) {
        if (sigma == 0) return px.clone();
        int r = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) sum += k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
        for (int i = 0; i < k.length; i++) k[i] /= sum;
        float[] out = new float[px.length], tmp = new float[784];
        for (int img = 0; img < n; img++) {
            int o = img * 784;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    double s = 0;
                    for (int d = -r; d <= r; d++) if (x + d >= 0 && x + d < 28) s += k[d + r] * px[o + y * 28 + x + d];
                    tmp[y * 28 + x] = (float) s;
                }
            }
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    double s = 0;
                    for (int d = -r; d <= r; d++) if (y + d >= 0 && y + d < 28) s += k[d + r] * tmp[(y + d) * 28 + x];
                    out[o + y * 28 + x] = (float) s;
                }
            }
        }
        return out;
    }
}
