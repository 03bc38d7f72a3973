package genlab.kernels.cpu;

import genlab.kernels.Binary;
import genlab.kernels.ReferenceKernels;
import genlab.tensor.Cases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * The cpu kernels' broadcasting binary ops and strided copies equal the reference kernels bit for
 * bit, on random shapes of rank 0 to 5 with sizes 1, 7, 33 and broadcast (stride 0) or permuted axes.
 */
class StridedParityTest {
    static LongStream seeds() {
        return Cases.seeds();
    }

    private static int[] shape(SplittableRandom g) {
        int nd = g.nextInt(6);
        int[] s = new int[nd];
        int[] sizes = {1, 2, 3, 7, 33};
        for (int d = 0; d < nd; d++) s[d] = sizes[g.nextInt(nd > 3 ? 4 : sizes.length)];
        return s;
    }

    /** Row-major strides of {@code shape}, with some axes broadcast (stride 0) at random. */
    private static int[] strides(int[] shape, SplittableRandom g, boolean broadcast) {
        int[] st = new int[shape.length];
        int s = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            boolean zero = broadcast && g.nextInt(3) == 0;
            st[d] = zero ? 0 : s;
            if (!zero) s *= shape[d];
        }
        return st;
    }

    private static float[] random(SplittableRandom g, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (g.nextGaussian() * 3);
        return a;
    }

    private static int span(int[] shape, int[] st) {
        int m = 0;
        for (int d = 0; d < shape.length; d++) m += (shape[d] - 1) * st[d];
        return m + 1;
    }

    @ParameterizedTest @MethodSource("seeds")
    void binaryMatchesTheReference(long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        int[] shape = shape(g);
        int n = 1;
        for (int s : shape) n *= s;
        int[] as = strides(shape, g, true), bs = strides(shape, g, true);
        float[] a = random(g, span(shape, as)), b = random(g, span(shape, bs));
        for (Binary op : Binary.values()) {
            float[] want = new float[n], got = new float[n];
            new ReferenceKernels().binary(op, shape, a, as, b, bs, want);
            new CpuKernels(1).binary(op, shape, a, as, b, bs, got);
            Parity.same(op + " on " + java.util.Arrays.toString(shape) + ", seed " + seed, want, got);
        }
    }

    @ParameterizedTest @MethodSource("seeds")
    void copyMatchesTheReference(long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        int[] shape = shape(g);
        int n = 1;
        for (int s : shape) n *= s;
        // Source: a permuted or broadcast view at an offset; destination: contiguous at an offset.
        int[] ss = strides(shape, g, true);
        for (int i = ss.length - 1; i > 0; i--) {
            int j = g.nextInt(i + 1), t = ss[i];
            ss[i] = ss[j];
            ss[j] = t;
        }
        int srcOff = g.nextInt(5), dstOff = g.nextInt(5);
        int maxSrc = 0;
        for (int d = 0; d < shape.length; d++) maxSrc += (shape[d] - 1) * ss[d];
        float[] src = random(g, srcOff + maxSrc + 1);
        int[] ds = strides(shape, g, false);
        float[] want = new float[dstOff + n + 3], got = want.clone();
        new ReferenceKernels().copy(shape, src, srcOff, ss, want, dstOff, ds);
        new CpuKernels(1).copy(shape, src, srcOff, ss, got, dstOff, ds);
        Parity.same("copy of " + java.util.Arrays.toString(shape) + ", seed " + seed, want, got);
    }
}
