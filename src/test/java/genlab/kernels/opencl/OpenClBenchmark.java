package genlab.kernels.opencl;

import genlab.kernels.ConvGeometry;
import genlab.kernels.ReferenceKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * GFLOP/s of the OpenCL kernels on the shapes, one row per shape: run it with
 * {@code mvn -B -q test -Dtest=OpenClBenchmark -Dgenlab.bench=true} (skipped otherwise).
 *
 * <p>Each figure is the whole {@code Kernels} call as the tensor library sees it: launch, result
 * read back to the host, and for "copied" the operands sent to the device first; "resident" reuses
 * operands already there (as weights and saved activations are between the forward and backward
 * passes). 2·MACs FLOPs per call; the best of several calls after two warm-up calls.
 */
@EnabledIfSystemProperty(named = "genlab.bench", matches = "true")
class OpenClBenchmark {
    private static final double SECONDS = 2.0;

    @Test
    void gflops() {
        OpenCl.Device device = OpenClTestDevice.require();
        try (OpenClKernels ocl = new OpenClKernels(new ReferenceKernels(), device)) {
            System.out.println("device: " + device);
            SplittableRandom rng = new SplittableRandom(1);
            for (int[] s : new int[][] {{64, 512, 784}, {512, 512, 512}}) {
                int m = s[0], n = s[1], k = s[2];
                float[] a = OpenClParityTest.uniform(rng, m * k), b = OpenClParityTest.uniform(rng, k * n), c = new float[m * n];
                String name = String.format("matmul %dx%dx%d", m, k, n);
                row(name, 2.0 * m * n * k, ocl, false, () -> ocl.gemm(1, m, n, k, a, false, b, false, false, c), a, b);
                row(name, 2.0 * m * n * k, ocl, true, () -> ocl.gemm(1, m, n, k, a, false, b, false, false, c), a, b);
            }
            ConvGeometry g = ConvGeometry.of(64, 32, 28, 28, 64, 3, 3, 1, 1, 1, 1, 1, 1);
            float[] x = OpenClParityTest.uniform(rng, 64 * 32 * 28 * 28), w = OpenClParityTest.uniform(rng, 64 * 32 * 9);
            float[] y = new float[64 * 64 * 28 * 28], gx = new float[x.length], gw = new float[w.length];
            double flops = 2.0 * g.macs();
            String shape = "64x32x28x28 -> 64, 3x3 pad 1";
            for (boolean copied : new boolean[] {false, true}) {
                row("conv2d " + shape, flops, ocl, copied, () -> ocl.conv2d(g, x, w, y), x, w);
                row("conv2d input grad " + shape, flops, ocl, copied, () -> ocl.conv2dInputGrad(g, y, w, gx), y, w);
                row("conv2d weight grad " + shape, flops, ocl, copied, () -> ocl.conv2dWeightGrad(g, x, y, gw), x, y);
            }
            if (ocl.failure() != null) throw new AssertionError("OpenCL failed: " + ocl.failure());
        }
    }

    private static void row(String name, double flops, OpenClKernels ocl, boolean copied, Runnable call, float[]... operands) {
        Runnable timed = copied ? () -> {
            for (float[] o : operands) ocl.hostWrote(o);
            call.run();
        } : call;
        timed.run();
        timed.run();
        double best = Double.MAX_VALUE, total = 0;
        int calls = 0;
        while (total < SECONDS && calls < 50) {
            long t0 = System.nanoTime();
            timed.run();
            double dt = (System.nanoTime() - t0) * 1e-9;
            best = Math.min(best, dt);
            total += dt;
            calls++;
        }
        System.out.println(String.format(Locale.ROOT, "%-45s opencl %-8s %8.2f GFLOP/s  (%.2f ms per call, best of %d)",
                name, copied ? "copied" : "resident", flops / best * 1e-9, best * 1e3, calls));
    }
}
