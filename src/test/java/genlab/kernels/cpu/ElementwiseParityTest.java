package genlab.kernels.cpu;

import genlab.kernels.Binary;
import genlab.kernels.ReferenceKernels;
import genlab.kernels.Unary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cpu elementwise kernels ({@link Elementwise}) against the reference: binary ops, copies and
 * unary ops bit for bit on random shapes (rank 0 to 4, sizes 1, 7, 33, 65) with random broadcasts
 * and permutations (so every collapse of axes and every specialised inner loop is reached); Adam
 * within float rounding. Seeded: {@code -Dgenlab.cases=N} runs N cases per property.
 */
class ElementwiseParityTest {
    private static final int[] SIZES = {1, 2, 7, 33, 65};
    private final ReferenceKernels ref = new ReferenceKernels();

    static IntStream seeds() {
        return IntStream.range(0, Integer.getInteger("genlab.cases", 60));
    }

    /** A random shape of rank 0 to 4 whose element count stays modest. */
    private static int[] shape(SplittableRandom rng) {
        int rank = rng.nextInt(5);
        int[] s = new int[rank];
        long n = 1;
        for (int d = 0; d < rank; d++) {
            s[d] = SIZES[rng.nextInt(SIZES.length)];
            if (n * s[d] > 20_000) s[d] = 1;
            n *= s[d];
        }
        return s;
    }

    /**
     * Strides of an operand viewed with {@code shape}: a random permutation of a contiguous
     * layout, with random axes broadcast (stride 0); returns the strides and the array size.
     */
    private static int[][] layout(SplittableRandom rng, int[] shape) {
        int r = shape.length;
        int[] order = IntStream.range(0, r).toArray();
        if (rng.nextBoolean()) for (int i = r - 1; i > 0; i--) { int j = rng.nextInt(i + 1), t = order[i]; order[i] = order[j]; order[j] = t; }
        int[] strides = new int[r];
        int acc = 1;
        for (int i = r - 1; i >= 0; i--) {
            int d = order[i];
            if (rng.nextInt(4) == 0) strides[d] = 0;     // broadcast along d
            else {
                strides[d] = acc;
                acc *= shape[d];
            }
        }
        return new int[][] {strides, {acc}};
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("seeds")
    void binaryIsBitIdentical(int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] shape = shape(rng);
        int n = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        int[][] la = layout(rng, shape), lb = layout(rng, shape);
        float[] a = Parity.normal(rng, la[1][0]), b = Parity.normal(rng, lb[1][0]);
        for (Binary op : Binary.values()) {
            float[] want = Parity.poisoned(n), got = Parity.poisoned(n);
            ref.binary(op, shape, a, la[0], b, lb[0], want);
            Elementwise.binary(op, shape, a, la[0], b, lb[0], got);
            Parity.same(op + " " + Arrays.toString(shape) + " strides " + Arrays.toString(la[0]) + ", " + Arrays.toString(lb[0]), want, got);
        }
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("seeds")
    void copyIsBitIdentical(int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] shape = shape(rng);
        int[][] ls = layout(rng, shape), ld = layout(rng, shape);
        // the destination may not broadcast: give it a permuted contiguous layout without zeros
        for (int d = 0; d < shape.length; d++) if (ld[0][d] == 0) ld = contiguousPermuted(rng, shape);
        int srcOff = rng.nextInt(3), dstOff = rng.nextInt(3);
        float[] src = Parity.normal(rng, ls[1][0] + srcOff);
        int size = ld[1][0] + dstOff;
        float[] want = Parity.normal(new SplittableRandom(seed), size), got = want.clone();
        ref.copy(shape, src, srcOff, ls[0], want, dstOff, ld[0]);
        Elementwise.copy(shape, src, srcOff, ls[0], got, dstOff, ld[0]);
        Parity.same("copy " + Arrays.toString(shape) + " strides " + Arrays.toString(ls[0]) + " -> " + Arrays.toString(ld[0]), want, got);
    }

    private static int[][] contiguousPermuted(SplittableRandom rng, int[] shape) {
        int r = shape.length;
        int[] strides = new int[r];
        int acc = 1;
        for (int d = r - 1; d >= 0; d--) {
            strides[d] = acc;
            acc *= shape[d];
        }
        return new int[][] {strides, {acc}};
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("seeds")
    void unaryIsBitIdentical(int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = SIZES[rng.nextInt(SIZES.length)] * SIZES[rng.nextInt(SIZES.length)];
        float[] x = Parity.normal(rng, n);
        if (n > 3) { x[0] = 0f; x[1] = -0f; x[2] = Float.NaN; }
        float s = (float) rng.nextGaussian();
        for (Unary op : Unary.values()) {
            float[] want = Parity.poisoned(n), got = Parity.poisoned(n);
            ref.unary(op, x, want, n);
            Elementwise.unary(op, x, got, n);
            if (op == Unary.TANH) withinOneUlp("tanh", want, got);
            else Parity.same(op.toString(), want, got);
        }
        for (Binary op : Binary.values()) {
            float[] want = Parity.poisoned(n), got = Parity.poisoned(n);
            ref.unaryScalar(op, x, s, want, n);
            Elementwise.unaryScalar(op, x, s, got, n);
            Parity.same(op + " scalar", want, got);
        }
    }

    private static void withinOneUlp(String what, float[] want, float[] got) {
        for (int i = 0; i < want.length; i++) {
            if (Float.isNaN(want[i]) && Float.isNaN(got[i])) continue;
            if (!(Math.abs(want[i] - got[i]) <= Math.ulp(want[i]))) fail(what + ": element " + i + " is " + got[i] + ", reference " + want[i]);
        }
    }

    @org.junit.jupiter.api.Test
    void tanhIsWithinOneUlpEverywhere() {
        // every 97th float from -30 to 30, plus the edges of each branch
        float[] xs = new float[200_004];
        int n = 0;
        for (float v = -30f; v < 30f && n < 200_000; v += 3e-4f) xs[n++] = v;
        xs[n++] = 1e-4f;
        xs[n++] = -1e-4f;
        xs[n++] = Float.MIN_VALUE;
        xs[n++] = 20.000002f;
        float[] want = new float[n], got = new float[n];
        ref.unary(Unary.TANH, xs, want, n);
        Elementwise.unary(Unary.TANH, xs, got, n);
        withinOneUlp("tanh", want, got);
        Elementwise.unary(Unary.TANH, new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN}, got, 3);
        Parity.same("tanh at ±inf, NaN", new float[] {1f, -1f, Float.NaN}, java.util.Arrays.copyOf(got, 3));
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("seeds")
    void sumIsBitIdentical(int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int outer = SIZES[rng.nextInt(SIZES.length)], len = SIZES[rng.nextInt(SIZES.length)], inner = SIZES[1 + rng.nextInt(SIZES.length - 1)];
        float[] x = Parity.normal(rng, outer * len * inner);
        float[] want = Parity.poisoned(outer * inner), got = Parity.poisoned(outer * inner);
        ref.reduce(genlab.kernels.Reduce.SUM, x, outer, len, inner, want);
        new CpuKernels(1, false).reduce(genlab.kernels.Reduce.SUM, x, outer, len, inner, got);
        Parity.same("sum " + outer + "x" + len + "x" + inner, want, got);
    }

    /**
     * Along the contiguous axis (inner = 1) the cpu sum adds eight partial double sums: another
     * order than the reference's, so the bound of two double sums of n terms rounded to float:
     * one ulp plus (n − 1)·2⁻⁵²·Σ|x|. Values of mixed sign and size, so that cancellation and the
     * tail (n not a multiple of 8) are exercised; a dropped or doubled term misses by far more.
     */
    @ParameterizedTest(name = "case {0}")
    @MethodSource("seeds")
    void sumAlongTheContiguousAxisWithinDoubleRounding(int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int outer = SIZES[rng.nextInt(SIZES.length)], len = SIZES[rng.nextInt(SIZES.length)] + rng.nextInt(2000);
        float[] x = Parity.normal(rng, outer * len);
        for (int i = 0; i < x.length; i++) x[i] *= (float) Math.pow(10, rng.nextInt(7) - 3);
        float[] want = new float[outer], got = Parity.poisoned(outer);
        ref.reduce(genlab.kernels.Reduce.SUM, x, outer, len, 1, want);
        new CpuKernels(1, false).reduce(genlab.kernels.Reduce.SUM, x, outer, len, 1, got);
        for (int o = 0; o < outer; o++) {
            double abs = 0;
            for (int j = 0; j < len; j++) abs += Math.abs(x[o * len + j]);
            double bound = Math.ulp(want[o]) + (len - 1) * Math.pow(2, -52) * abs;
            assertTrue(Math.abs((double) got[o] - want[o]) <= bound, "sum of row " + o + " (" + len + " terms): " + got[o] + ", reference " + want[o] + ", bound " + bound);
        }
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("seeds")
    void adamAgreesWithinFloatRounding(int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 65;
        boolean decoupled = rng.nextBoolean();
        float lr = (float) Math.pow(10, -1 - 3 * rng.nextDouble()), wd = rng.nextBoolean() ? 0f : 0.01f;
        int t = 1 + rng.nextInt(1000);
        float bc1 = (float) (1 - Math.pow(0.9, t)), bc2 = (float) (1 - Math.pow(0.999, t));
        float[] p = Parity.normal(rng, n), g = Parity.normal(rng, n), m = Parity.normal(rng, n), v = Parity.abs(Parity.normal(rng, n));
        float[] p1 = p.clone(), m1 = m.clone(), v1 = v.clone(), p2 = p.clone(), m2 = m.clone(), v2 = v.clone();
        ref.adamStep(p1, g, m1, v1, n, lr, 0.9f, 0.999f, 1e-8f, wd, decoupled, bc1, bc2);
        Elementwise.adamStep(p2, g, m2, v2, n, lr, 0.9f, 0.999f, 1e-8f, wd, decoupled, bc1, bc2);
        Parity.same("adam m", m1, m2);
        Parity.same("adam v", v1, v2);
        for (int i = 0; i < n; i++) {
            // the update lr·m̂/(√v̂ + ε) is computed in float: a few ulps of the update, plus p's own rounding
            double update = Math.abs((double) p1[i] - p[i]);
            double tol = 8 * Parity.U * update + Math.ulp(Math.abs(p1[i]));
            if (!(Math.abs((double) p2[i] - p1[i]) <= tol)) {
                fail("adam p[" + i + "] is " + p2[i] + ", reference " + p1[i] + " (allowed ±" + tol + ", t = " + t + ", decoupled = " + decoupled + ")");
            }
        }
    }
}
