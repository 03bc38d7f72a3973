package genlab.kernels.cpu;

import genlab.kernels.ReferenceKernels;
import genlab.kernels.Unary;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The vectorised sigmoid, softplus and tanh and both fused BCE-with-logits paths against the reference
 * (which computes each formula in double and rounds once); relu, step and the finite check, which
 * must agree with the reference exactly.
 *
 * <p>Tolerances, in float ulps of the reference value (u = 2⁻²⁴, one ulp ≤ 2u·|value|). The
 * vector path computes e = e^−|x| (a degree-5 polynomial after Cody–Waite reduction, within about
 * 1 ulp) and ln(1 + e) (an atanh series with truncation below 2⁻²⁶, after one rounded division:
 * about 1.5 ulps) in float:
 * <ul>
 *   <li>sigmoid: 4 ulps: e (≤ 1), 1 + e, 1/(1 + e) and e·r add ≤ ½ ulp each.</li>
 *   <li>softplus: 4 ulps: ln(1 + e) (≤ 2 with e's error carried through), plus the final sum.</li>
 *   <li>tanh: 4 ulps: below |x| = 0.625 Cephes' polynomial x + x·z·P(z) (about 2 ulps); above,
 *       e = e^−2|x| ≤ 0.29, so 1 − e and 1 + e do not cancel and the quotient adds ≤ 1½ ulps.</li>
 *   <li>BCE loss: 8u·(|c·l| + ln(1 + e^−|l|)), c = 1 − x or −x, i.e. relative to the sum of the
 *       magnitudes of its terms (for targets in [0, 1] both terms are ≥ 0, so this is 8u·|loss|).
 *       Gradient σ(l) − x: 8u·(σ(l) + |x|), the bound of a difference whose first term is
 *       within 4 ulps.</li>
 *   <li>Below the smallest normal float (2⁻¹²⁶ ≈ 1.2e-38) the vector path returns e = 0: an
 *       absolute error under that size is allowed everywhere.</li>
 * </ul>
 * A wrong formula, branch or tail is off by far more (a sign, a factor, a whole term). The
 * plain-Java fused path computes in double and rounds once, so it is held to 1 ulp.
 */
class PointwiseParityTest {
    private static final double U = Math.ulp(1f) / 2;
    private static final int[] SIZES = {1, 7, 33, 65, 129};
    private final ReferenceKernels ref = new ReferenceKernels();

    static IntStream seeds() {
        return IntStream.range(0, 20);
    }

    private static Pointwise vector() {
        Assumptions.assumeTrue(VectorSupport.available(), "jdk.incubator.vector is not enabled: the vector path cannot run here");
        return VectorSupport.create("VectorPointwise", Pointwise.class);
    }

    /** Inputs: a sweep over [−lim, lim] plus tiny, huge and special values, n of them (so tails are exercised). */
    private static float[] inputs(SplittableRandom rng, int n, float lim) {
        float[] x = new float[n];
        float[] specials = {0f, -0f, Float.MIN_VALUE, -1e-30f, 1e-7f, -1e-7f, 17f, -17f, 88f, -88f, 104f, -104f, 200f, -200f,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextInt(8) == 0 ? specials[rng.nextInt(specials.length)] : (float) ((rng.nextDouble() * 2 - 1) * lim);
        }
        return x;
    }

    private static int ulps(Unary op) {
        return 4;
    }

    private static void withinUlps(String what, float[] x, float[] want, float[] got, int ulps) {
        for (int i = 0; i < want.length; i++) {
            if (Float.isNaN(want[i]) || Float.isNaN(got[i])) {
                if (Float.isNaN(want[i]) != Float.isNaN(got[i])) fail(what + "(" + x[i] + ") is " + got[i] + ", reference " + want[i]);
                continue;
            }
            if (Float.isInfinite(want[i]) || Float.isInfinite(got[i])) {
                if (want[i] != got[i]) fail(what + "(" + x[i] + ") is " + got[i] + ", reference " + want[i]);
                continue;
            }
            if (!(Math.abs((double) got[i] - want[i]) <= ulps * (double) Math.ulp(want[i]) + Float.MIN_NORMAL)) {
                fail(what + "(" + x[i] + ") is " + got[i] + ", reference " + want[i] + " (allowed " + ulps + " ulp)");
            }
        }
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("seeds")
    void vectorUnaryOpsWithinStatedUlps(int seed) {
        Pointwise v = vector();
        SplittableRandom rng = new SplittableRandom(seed);
        int n = SIZES[seed % SIZES.length] + rng.nextInt(40);
        for (Unary op : new Unary[] {Unary.SIGMOID, Unary.SOFTPLUS, Unary.TANH}) {
            float[] x = inputs(rng, n, 30f);
            float[][] wantGot = referenceAndVector(v, op, x);
            withinUlps(op.toString().toLowerCase(), x, wantGot[0], wantGot[1], ulps(op));
        }
    }

    /** The reference's and the vector path's op(x), after checking that the vector path computes op. */
    private float[][] referenceAndVector(Pointwise v, Unary op, float[] x) {
        float[] want = new float[x.length], got = new float[x.length];
        ref.unary(op, x, want, x.length);
        assertEquals(true, v.unary(op, x, got, x.length), op + " is vectorised");
        return new float[][] {want, got};
    }

    @Test
    void vectorLeavesOtherOpsToThePlainKernels() {
        Pointwise v = vector();
        for (Unary op : new Unary[] {Unary.EXP, Unary.LOG, Unary.NEG, Unary.SQRT, Unary.ERF}) assertFalse(v.unary(op, new float[1], new float[1], 1), op.toString());
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("seeds")
    void vectorReluAndStepEqualTheReferenceBitForBit(int seed) {
        Pointwise v = vector();
        SplittableRandom rng = new SplittableRandom(seed);
        int n = SIZES[seed % SIZES.length] + rng.nextInt(40);
        float[] x = inputs(rng, n, 3f);                                  // includes ±0, NaN, ±∞
        for (Unary op : new Unary[] {Unary.RELU, Unary.STEP}) {
            float[][] wantGot = referenceAndVector(v, op, x);
            for (int i = 0; i < n; i++) {
                assertEquals(Float.floatToRawIntBits(wantGot[0][i]), Float.floatToRawIntBits(wantGot[1][i]), op + "(" + x[i] + ") at " + i + " of " + n);
            }
        }
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("seeds")
    void firstNonFiniteFindsTheFirstNaNOrInfinity(int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = SIZES[seed % SIZES.length] + rng.nextInt(40);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) ((rng.nextDouble() * 2 - 1) * (seed % 2 == 0 ? 1e38 : 1));
        Pointwise[] impls = VectorSupport.available() ? new Pointwise[] {vector(), new ScalarPointwise()} : new Pointwise[] {new ScalarPointwise()};
        for (Pointwise p : impls) assertEquals(-1, p.firstNonFinite(x, n), "all finite (values up to 1e38, whose products with 0 are 0)");
        float[] bad = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (int trial = 0; trial < 3; trial++) {
            float[] y = x.clone();
            int first = rng.nextInt(n);
            y[first] = bad[trial];
            if (first + 1 < n) y[first + 1 + rng.nextInt(n - first - 1)] = bad[(trial + 1) % 3];   // a later one too
            for (Pointwise p : impls) {
                assertEquals(first, p.firstNonFinite(y, n), bad[trial] + " at " + first + " of " + n);
                assertEquals(-1, p.firstNonFinite(y, first), "the values before it are finite");
            }
        }
    }

    @Test
    void vectorSigmoidAndSoftplusOnADenseSweep() {
        Pointwise v = vector();
        int n = 400_001;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = -100f + 200f * i / (n - 1);
        for (Unary op : new Unary[] {Unary.SIGMOID, Unary.SOFTPLUS, Unary.TANH}) {
            float[] in = x, want = new float[n], got = new float[n];
            ref.unary(op, in, want, n);
            v.unary(op, in, got, n);
            withinUlps(op.toString().toLowerCase(), in, want, got, ulps(op));
        }
    }

    private void checkBce(String what, Pointwise t, float[] l, float[] x, double lossTol, double gradTol) {
        int n = l.length;
        float[] wantLoss = new float[n], wantGrad = new float[n], loss = new float[n], grad = new float[n], lossOnly = new float[n];
        ref.bceWithLogits(l, x, wantLoss, wantGrad, n);
        t.bceWithLogits(l, x, loss, grad, n);
        t.bceWithLogits(l, x, lossOnly, null, n);
        assertEquals(Arrays.toString(loss), Arrays.toString(lossOnly), what + ": the loss does not depend on whether the gradient is asked for");
        for (int i = 0; i < n; i++) {
            double li = l[i], xi = x[i], e = Math.exp(-Math.abs(li));
            double terms = Math.abs((li >= 0 ? 1 - xi : -xi) * li) + Math.log1p(e);
            double sigmoid = li >= 0 ? 1 / (1 + e) : e / (1 + e);
            double tl = lossTol * terms + Float.MIN_NORMAL, tg = gradTol * (sigmoid + Math.abs(xi)) + Float.MIN_NORMAL;
            if (!(Math.abs((double) loss[i] - wantLoss[i]) <= tl)) {
                fail(what + ": loss(l=" + l[i] + ", x=" + x[i] + ") is " + loss[i] + ", reference " + wantLoss[i] + " (allowed ±" + tl + ")");
            }
            if (!(Math.abs((double) grad[i] - wantGrad[i]) <= tg)) {
                fail(what + ": grad(l=" + l[i] + ", x=" + x[i] + ") is " + grad[i] + ", reference " + wantGrad[i] + " (allowed ±" + tg + ")");
            }
        }
    }

    private static float[][] bceInputs(SplittableRandom rng, int n) {
        float[] l = new float[n], x = new float[n];
        float[] extremes = {0f, -0f, 1e-6f, -1e-6f, 17f, -17f, 40f, -40f, 90f, -90f, 150f, -150f};
        for (int i = 0; i < n; i++) {
            l[i] = rng.nextInt(6) == 0 ? extremes[rng.nextInt(extremes.length)] : (float) (rng.nextGaussian() * 6);
            int kind = rng.nextInt(4);
            x[i] = kind == 0 ? 0f : kind == 1 ? 1f : (float) rng.nextDouble();   // binary pixels and grey ones
        }
        return new float[][] {l, x};
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("seeds")
    void fusedBceMatchesTheReference(int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] in = bceInputs(rng, SIZES[seed % SIZES.length] + rng.nextInt(40));
        checkBce("plain Java", new ScalarPointwise(), in[0], in[1], 2 * U, 2 * U);
        if (VectorSupport.available()) checkBce("vector", vector(), in[0], in[1], 8 * U, 8 * U);
    }

    @Test
    void fusedBceOnTheCpuKernelsIsTheSelectedPath() {
        SplittableRandom rng = new SplittableRandom(7);
        float[][] in = bceInputs(rng, 1000);
        float[] viaKernels = new float[1000], direct = new float[1000];
        new CpuKernels(1, false).bceWithLogits(in[0], in[1], viaKernels, null, 1000);
        new ScalarPointwise().bceWithLogits(in[0], in[1], direct, null, 1000);
        assertEquals(Arrays.toString(direct), Arrays.toString(viaKernels));
    }
}
