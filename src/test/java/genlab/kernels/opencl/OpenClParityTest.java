package genlab.kernels.opencl;

import genlab.kernels.ConvGeometry;
import genlab.kernels.ReferenceKernels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every OpenCL kernel against the reference kernels on odd shapes: sizes 1, 7, 33, 65, 129 (never a
 * multiple of the 32-wide tile, so partial tiles are exercised on every side), all four transposed
 * layouts of GEMM, batches with and without a broadcast B, and convolutions with stride, padding,
 * dilation and non-square windows.
 *
 * <p>Tolerance: each output is a sum of k products, which float32 computes (in any order) within
 * γ_k·Σ|a_i·b_i| of the exact value, γ_k ≈ k·2⁻²⁴; the reference sums in double. So each element
 * must agree within 2·k·2⁻²⁴ times the same product of absolute values, which the reference kernel
 * itself computes from |a| and |b|. A wrong index misses by the size of a whole term, far beyond it.
 */
class OpenClParityTest {
    private static final ReferenceKernels REF = new ReferenceKernels();
    private static final double U = Math.ulp(1.0f) / 2;   // 2⁻²⁴

    static Stream<Arguments> gemmCases() {
        int[][] mnk = {{1, 1, 1}, {7, 33, 65}, {65, 7, 33}, {33, 129, 7}, {129, 65, 1}, {1, 129, 65}, {129, 129, 129}};
        List<Arguments> cases = new ArrayList<>();
        for (int[] s : mnk) {
            for (int layout = 0; layout < 4; layout++) {
                boolean ta = (layout & 1) != 0, tb = (layout & 2) != 0;
                cases.add(Arguments.of(1, s[0], s[1], s[2], ta, tb, false));
                cases.add(Arguments.of(3, s[0], s[1], s[2], ta, tb, false));
                cases.add(Arguments.of(3, s[0], s[1], s[2], ta, tb, true));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "batch {0}, m {1}, n {2}, k {3}, transA {4}, transB {5}, bBroadcast {6}")
    @MethodSource("gemmCases")
    void gemmMatchesTheReference(int batch, int m, int n, int k, boolean transA, boolean transB, boolean bBroadcast) {
        OpenClKernels ocl = OpenClTestDevice.kernels();
        SplittableRandom rng = new SplittableRandom(31L * m + 7L * n + k);
        float[] a = uniform(rng, batch * m * k), b = uniform(rng, (bBroadcast ? 1 : batch) * k * n);
        float[] expected = new float[batch * m * n], actual = new float[batch * m * n], bound = new float[batch * m * n];
        REF.gemm(batch, m, n, k, a, transA, b, transB, bBroadcast, expected);
        REF.gemm(batch, m, n, k, abs(a), transA, abs(b), transB, bBroadcast, bound);
        ocl.gemm(batch, m, n, k, a, transA, b, transB, bBroadcast, actual);
        assertNull(ocl.failure(), "OpenCL gave up");
        assertClose("gemm", expected, actual, bound, k);
    }

    static Stream<Arguments> convCases() {
        return Stream.of(
                // batch, Cin, H, W, Cout, kh, kw, stride h/w, padding h/w, dilation h/w
                Arguments.of(new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1}),
                Arguments.of(new int[] {2, 3, 9, 7, 5, 3, 2, 2, 1, 1, 0, 1, 2}),
                Arguments.of(new int[] {1, 7, 33, 33, 7, 3, 3, 1, 1, 1, 1, 1, 1}),
                Arguments.of(new int[] {2, 4, 13, 13, 6, 3, 3, 2, 2, 1, 1, 1, 1}),
                Arguments.of(new int[] {3, 2, 8, 8, 65, 4, 4, 2, 2, 1, 1, 1, 1}),
                Arguments.of(new int[] {1, 33, 7, 7, 1, 1, 1, 1, 1, 0, 0, 1, 1}),
                Arguments.of(new int[] {2, 3, 11, 9, 4, 3, 3, 1, 2, 2, 2, 2, 2}),
                Arguments.of(new int[] {1, 2, 5, 5, 3, 5, 5, 3, 3, 2, 2, 1, 1}),
                Arguments.of(new int[] {2, 1, 65, 7, 2, 7, 1, 3, 1, 3, 0, 1, 1}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("convCases")
    void convolutionKernelsMatchTheReference(int[] s) {
        OpenClKernels ocl = OpenClTestDevice.kernels();
        ConvGeometry g = ConvGeometry.of(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10], s[11], s[12]);
        SplittableRandom rng = new SplittableRandom(g.hashCode());
        float[] x = uniform(rng, g.batch() * g.inChannels() * g.inH() * g.inW());
        float[] w = uniform(rng, g.outChannels() * g.inChannels() * g.kH() * g.kW());
        float[] gy = uniform(rng, g.batch() * g.outChannels() * g.outH() * g.outW());

        float[] y = new float[gy.length], yRef = new float[gy.length], yBound = new float[gy.length];
        REF.conv2d(g, x, w, yRef);
        REF.conv2d(g, abs(x), abs(w), yBound);
        ocl.conv2d(g, x, w, y);
        assertClose("conv2d " + g, yRef, y, yBound, g.inChannels() * g.kH() * g.kW());

        float[] gx = new float[x.length], gxRef = new float[x.length], gxBound = new float[x.length];
        REF.conv2dInputGrad(g, gy, w, gxRef);
        REF.conv2dInputGrad(g, abs(gy), abs(w), gxBound);
        ocl.conv2dInputGrad(g, gy, w, gx);
        assertClose("conv2dInputGrad " + g, gxRef, gx, gxBound, g.outChannels() * g.kH() * g.kW());

        float[] gw = new float[w.length], gwRef = new float[w.length], gwBound = new float[w.length];
        REF.conv2dWeightGrad(g, x, gy, gwRef);
        REF.conv2dWeightGrad(g, abs(x), abs(gy), gwBound);
        ocl.conv2dWeightGrad(g, x, gy, gw);
        assertClose("conv2dWeightGrad " + g, gwRef, gw, gwBound, g.batch() * g.outH() * g.outW());
        assertNull(ocl.failure(), "OpenCL gave up");
    }

    /** The weight gradient over a long batch axis, split into slices that the host adds. */
    @ParameterizedTest(name = "batch {0}")
    @MethodSource("splitBatches")
    void weightGradientSplitAlongTheBatchMatchesTheReference(int batch) {
        OpenClKernels ocl = OpenClTestDevice.kernels();
        ConvGeometry g = ConvGeometry.of(batch, 2, 15, 15, 3, 3, 3, 1, 1, 1, 1, 1, 1);   // inner N·15·15 ≥ 2048: several slices
        SplittableRandom rng = new SplittableRandom(batch);
        float[] x = uniform(rng, batch * 2 * 15 * 15), gy = uniform(rng, batch * 3 * 15 * 15);
        float[] gw = new float[3 * 2 * 9], ref = new float[gw.length], bound = new float[gw.length];
        REF.conv2dWeightGrad(g, x, gy, ref);
        REF.conv2dWeightGrad(g, abs(x), abs(gy), bound);
        ocl.conv2dWeightGrad(g, x, gy, gw);
        assertClose("conv2dWeightGrad " + g, ref, gw, bound, batch * 15 * 15);
    }

    static Stream<Integer> splitBatches() {
        return Stream.of(20, 33);   // 2 and 3 slices
    }

    static void assertClose(String what, float[] expected, float[] actual, float[] absBound, int terms) {
        for (int i = 0; i < expected.length; i++) {
            double tol = 2 * terms * U * absBound[i] + Float.MIN_NORMAL;
            if (!(Math.abs(actual[i] - expected[i]) <= tol)) {
                fail(what + ": element " + i + " is " + actual[i] + ", the reference gives " + expected[i] + " (tolerance " + tol + ")");
            }
        }
    }

    static float[] uniform(SplittableRandom rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (rng.nextDouble() * 2 - 1);
        return v;
    }

    static float[] abs(float[] v) {
        float[] a = new float[v.length];
        for (int i = 0; i < v.length; i++) a[i] = Math.abs(v[i]);
        return a;
    }
}
