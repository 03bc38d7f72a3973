package genlab.kernels.steps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Every step of the kernels lesson against the naive product, on odd shapes that cross every tile and block edge. */
class StepsTest {
    @ParameterizedTest(name = "{0}x{2}x{1}")
    @CsvSource({"1,1,1", "7,33,65", "65,7,33", "33,65,7", "129,67,131", "5,300,9", "13,129,257"})
    void everyStepAgreesWithNaive(int m, int n, int k) {
        SplittableRandom rng = new SplittableRandom(m * 10_007L + n * 101L + k);
        float[] a = normal(rng, m * k), b = normal(rng, k * n), want = new float[m * n], bound = new float[m * n];
        new Naive().multiply(m, n, k, a, b, want);
        new Naive().multiply(m, n, k, abs(a), abs(b), bound);
        double u = Math.ulp(1f) / 2;
        List<MatmulStep> steps = Steps.all(3);
        for (MatmulStep step : steps) {
            float[] c = new float[m * n];
            java.util.Arrays.fill(c, Float.NaN);               // an element a step forgets shows up
            step.multiply(m, n, k, a, b, c);
            step.multiply(m, n, k, a, b, c);                   // twice: a step must overwrite, not accumulate
            for (int i = 0; i < c.length; i++) {
                double tol = 2 * (k + 2) * u * bound[i] + 1e-30;
                if (!(Math.abs((double) c[i] - want[i]) <= tol)) {
                    fail(step.name() + " at C[" + i / n + ", " + i % n + "]: " + c[i] + ", naive " + want[i] + " (±" + tol + ")");
                }
            }
        }
        for (MatmulStep s : steps) if (s instanceof AutoCloseable c) close(c);
    }

    @Test
    void theVectorStepsAreThereInTests() {
        List<MatmulStep> steps = Steps.all(2);
        assertEquals(6, steps.size());
        assertTrue(steps.get(4).name().contains("Vector API"), steps.get(4).name());
        for (MatmulStep s : steps) if (s instanceof AutoCloseable c) close(c);
    }

    private static void close(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static float[] normal(SplittableRandom rng, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) rng.nextGaussian();
        return x;
    }

    private static float[] abs(float[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) y[i] = Math.abs(x[i]);
        return y;
    }
}
