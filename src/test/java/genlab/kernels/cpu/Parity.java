package genlab.kernels.cpu;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Comparison of a fast kernel's output with the reference kernel's, within the rounding a float
 * sum can make.
 *
 * <p>A sum of {@code len} products accumulated in float (in any order, with or without fused
 * multiply-adds) differs from the exact sum by at most about len·u·Σ|aᵢbᵢ|, u = 2⁻²⁴; the reference
 * accumulates in double and rounds once (≤ u·|sum|). So each element must satisfy
 * {@code |fast − ref| ≤ (len + 2)·u·abs}, where {@code abs} is the same kernel applied to |a| and |b|.
 * A wrong index or a missed term is off by the size of a whole product, far outside this band.
 */
final class Parity {
    static final double U = Math.ulp(1f) / 2;

    private Parity() {}

    /** Fails naming the first element outside the band. */
    static void close(String what, float[] expected, float[] actual, float[] abs, long len) {
        if (expected.length != actual.length) fail(what + ": " + actual.length + " elements, expected " + expected.length);
        for (int i = 0; i < expected.length; i++) {
            double tol = (len + 2) * U * abs[i] + 1e-30;
            if (!(Math.abs((double) actual[i] - expected[i]) <= tol)) {
                fail(what + ": element " + i + " is " + actual[i] + ", reference " + expected[i] + " (allowed ±" + tol + ")");
            }
        }
    }

    /** Exactly equal, bit for bit (NaN equals NaN). */
    static void same(String what, float[] expected, float[] actual) {
        if (expected.length != actual.length) fail(what + ": " + actual.length + " elements, expected " + expected.length);
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                fail(what + ": element " + i + " is " + actual[i] + ", expected exactly " + expected[i]);
            }
        }
    }

    static float[] normal(SplittableRandom rng, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) rng.nextGaussian();
        return a;
    }

    static float[] abs(float[] a) {
        float[] b = new float[a.length];
        for (int i = 0; i < a.length; i++) b[i] = Math.abs(a[i]);
        return b;
    }

    /** An array filled with NaN, so an element a kernel forgets to write shows up. */
    static float[] poisoned(int n) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, Float.NaN);
        return a;
    }
}
