package genlab.kernels.cpu;

import genlab.kernels.ConvGeometry;
import genlab.kernels.ReferenceKernels;
import genlab.tensor.Cases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * conv2d, its input gradient and its weight gradient (im2col + GEMM) against the reference loops,
 * on random geometries: batch, channels, non-square images and kernels, stride, padding and
 * dilation, including 1 × 1 kernels (which skip im2col) and kernels wider than the padded input
 * allows only just.
 */
class ConvParityTest {
    private static final ReferenceKernels REF = new ReferenceKernels();
    private static final List<CpuKernels> CONFIGS = GemmParityTest.configs();

    static LongStream seeds() {
        return Cases.seeds();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomGeometries(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        ConvGeometry g;
        do {
            int kh = 1 + rng.nextInt(4), kw = 1 + rng.nextInt(4);
            g = ConvGeometry.of(1 + rng.nextInt(3), 1 + rng.nextInt(5), 1 + rng.nextInt(12), 1 + rng.nextInt(12),
                    1 + rng.nextInt(7), kh, kw, 1 + rng.nextInt(3), 1 + rng.nextInt(3),
                    rng.nextInt(3), rng.nextInt(3), 1 + rng.nextInt(2), 1 + rng.nextInt(2));
        } while (g.outH() < 1 || g.outW() < 1);
        check(g, rng);
    }

    @Test
    void pointwiseAndLargerCases() {
        SplittableRandom rng = new SplittableRandom(1);
        check(ConvGeometry.of(3, 5, 7, 9, 4, 1, 1, 1, 1, 0, 0, 1, 1), rng);    // 1 × 1: no im2col
        check(ConvGeometry.of(2, 5, 7, 9, 4, 1, 1, 2, 1, 0, 0, 1, 1), rng);    // 1 × 1 strided: im2col
        check(ConvGeometry.of(1, 3, 33, 17, 7, 3, 3, 1, 1, 1, 1, 1, 1), rng);  // batch 1 on 3 threads
        check(ConvGeometry.of(17, 4, 8, 8, 6, 3, 3, 2, 2, 1, 1, 1, 1), rng);   // several weight-gradient groups
        check(ConvGeometry.of(2, 2, 5, 5, 3, 4, 4, 2, 2, 1, 1, 1, 1), rng);    // DCGAN-style 4 × 4, stride 2
        check(ConvGeometry.of(2, 3, 4, 4, 2, 3, 3, 1, 1, 5, 4, 1, 1), rng);    // padding wider than the image
        check(ConvGeometry.of(2, 33, 28, 28, 2, 3, 3, 1, 1, 1, 1, 1, 1), rng); // RealNVP's s,t output: dcols in 17 channel blocks
    }

    @Test
    void sameBitsWhateverTheThreadCount() {
        SplittableRandom rng = new SplittableRandom(3);
        ConvGeometry g = ConvGeometry.of(20, 8, 14, 14, 16, 3, 3, 1, 1, 1, 1, 1, 1);
        float[] x = Parity.normal(rng, g.batch() * g.inChannels() * g.inH() * g.inW());
        float[] w = Parity.normal(rng, g.outChannels() * g.inChannels() * g.kH() * g.kW());
        float[] gy = Parity.normal(rng, g.batch() * g.outChannels() * g.outH() * g.outW());
        float[][] one = run(new CpuKernels(1), g, x, w, gy);
        for (int threads : new int[] {2, 3, 7}) {
            float[][] many = run(new CpuKernels(threads), g, x, w, gy);
            for (int i = 0; i < 3; i++) Parity.same(threads + " threads, kernel " + i, one[i], many[i]);
        }
    }

    private static float[][] run(CpuKernels k, ConvGeometry g, float[] x, float[] w, float[] gy) {
        float[] y = new float[gy.length], gx = new float[x.length], gw = new float[w.length];
        k.conv2d(g, x, w, y);
        k.conv2dInputGrad(g, gy, w, gx);
        k.conv2dWeightGrad(g, x, gy, gw);
        return new float[][] {y, gx, gw};
    }

    private static void check(ConvGeometry g, SplittableRandom rng) {
        int xn = g.batch() * g.inChannels() * g.inH() * g.inW();
        int wn = g.outChannels() * g.inChannels() * g.kH() * g.kW();
        int yn = g.batch() * g.outChannels() * g.outH() * g.outW();
        float[] x = Parity.normal(rng, xn), w = Parity.normal(rng, wn), gy = Parity.normal(rng, yn);
        float[] ax = Parity.abs(x), aw = Parity.abs(w), agy = Parity.abs(gy);
        float[] y = new float[yn], yAbs = new float[yn], gx = new float[xn], gxAbs = new float[xn], gw = new float[wn], gwAbs = new float[wn];
        REF.conv2d(g, x, w, y);
        REF.conv2d(g, ax, aw, yAbs);
        REF.conv2dInputGrad(g, gy, w, gx);
        REF.conv2dInputGrad(g, agy, aw, gxAbs);
        REF.conv2dWeightGrad(g, x, gy, gw);
        REF.conv2dWeightGrad(g, ax, agy, gwAbs);
        for (CpuKernels k : CONFIGS) {
            String what = g + " on " + k.device();
            float[] out = Parity.poisoned(yn);
            k.conv2d(g, x, w, out);
            Parity.close("conv2d " + what, y, out, yAbs, (long) g.inChannels() * g.kH() * g.kW());
            out = Parity.poisoned(xn);
            k.conv2dInputGrad(g, gy, w, out);
            Parity.close("conv2dInputGrad " + what, gx, out, gxAbs, (long) g.outChannels() * g.kH() * g.kW());
            out = Parity.poisoned(wn);
            k.conv2dWeightGrad(g, x, gy, out);
            Parity.close("conv2dWeightGrad " + what, gw, out, gwAbs, (long) g.batch() * g.outH() * g.outW());
        }
    }
}
