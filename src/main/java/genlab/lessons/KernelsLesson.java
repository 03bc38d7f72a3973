package genlab.lessons;

import genlab.kernels.Kernels;
import genlab.kernels.cpu.CpuKernels;
import genlab.kernels.opencl.OpenCl;
import genlab.kernels.opencl.OpenClKernels;
import genlab.kernels.steps.MatmulStep;
import genlab.kernels.steps.Naive;
import genlab.kernels.steps.Steps;
import genlab.viz.BarChart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * {@code lessons/run kernels}: one matrix product, C = A·B with A, B, C all {@code --size}²,
 * taken step by step from the textbook triple loop to the project's packed kernel and OpenCL, in
 * the spirit of llm.c's dev/cuda: every step is a short class in {@code genlab.kernels.steps},
 * checked against the naive one, and timed; the table and the chart show what each step buys.
 * {@code lessons/kernels.md} walks through them.
 *
 * <p>A step's figure is 2·size³ / (mean seconds per call), after warm-up calls so the JIT has
 * compiled it.
 */
public final class KernelsLesson implements Lesson {

    @Override
    public String name() {
        return "kernels";
    }

    @Override
    public String summary() {
        return "one matmul from naive loops to blocked, vectorized, threaded and OpenCL: GFLOP/s table and chart";
    }

    @Override
    public Options options() {
        return Options.common()
                .count("size", 512, 67, "the matrices are size x size (the quick default is odd, to cross every edge case)")
                .positive("seconds", 1.0, "time spent timing each step (at least one call; --quick: 0.05)");
    }

    /** A row of the table: a name, what changed, and the product. */
    private record Row(String name, String idea, MatmulStep step) {}

    @Override
    public void run(Run run) {
        int s = run.integer("size");
        double seconds = run.quick() ? Math.min(0.05, run.number("seconds")) : run.number("seconds");
        RandomGenerator rng = run.random();
        float[] a = new float[s * s], b = new float[s * s];              // (size, size) each
        for (int i = 0; i < a.length; i++) a[i] = rng.nextFloat() * 2 - 1;
        for (int i = 0; i < b.length; i++) b[i] = rng.nextFloat() * 2 - 1;
        float[] want = new float[s * s], absBound = new float[s * s];
        Naive naive = new Naive();
        naive.multiply(s, s, s, a, b, want);
        naive.multiply(s, s, s, abs(a), abs(b), absBound);              // Σ|a||b|, for the rounding band

        List<Row> rows = new ArrayList<>();
        List<MatmulStep> steps = Steps.all(run.threads());
        for (MatmulStep st : steps) rows.add(new Row(st.name(), st.idea(), st));
        List<AutoCloseable> toClose = new ArrayList<>();
        for (Object st : steps) if (st instanceof AutoCloseable c) toClose.add(c);
        CpuKernels packed1 = new CpuKernels(1);
        rows.add(new Row("packed (cpu backend, 1 thread)", "BLIS loops: A and B packed into the micro-kernel's order, 6×" + (packed1.vectorized() ? "2L" : "4") + " tile", gemm(packed1)));
        if (run.threads() > 1) {
            CpuKernels packedN = new CpuKernels(run.threads());
            rows.add(new Row("packed (cpu backend, " + run.threads() + " threads)", "the same, row and column blocks on a thread pool", gemm(packedN)));
        }
        OpenCl.Probe probe = OpenCl.probe();
        Optional<OpenCl.Device> device = probe.best();
        if (device.isPresent()) {
            OpenClKernels ocl = new OpenClKernels(new CpuKernels(1), device.get());
            toClose.add(ocl);
            rows.add(new Row("OpenCL (" + (device.get().isGpu() ? "GPU" : "CPU") + ")", "tiled kernel with local memory on " + device.get().name(), gemm(ocl)));
        } else {
            run.out().println("OpenCL: no device (" + probe.reason() + "), that step is skipped");
        }

        run.out().printf(Locale.ROOT, "C = A·B, %d x %d x %d, %s%n", s, s, s, "float32; GFLOP/s = 2·size³ / seconds per call");
        StringBuilder table = new StringBuilder("| step | idea | GFLOP/s | speed-up over naive |\n|---|---|---:|---:|\n");
        List<Map<String, Object>> results = new ArrayList<>();
        BarChart chart = new BarChart(String.format(Locale.ROOT, "C = A·B, %d³ float32, one step at a time", s), "GFLOP/s (log scale)").logScale();
        double flops = 2.0 * s * s * s, naiveGflops = 0;
        try {
            for (Row r : rows) {
                float[] c = new float[s * s];
                double sec = BenchLesson.meanSeconds(() -> r.step().multiply(s, s, s, a, b, c), seconds, Integer.MAX_VALUE);
                double err = check(r.name(), want, c, absBound, s);
                double gflops = flops / sec / 1e9;
                if (results.isEmpty()) naiveGflops = gflops;
                double speedup = gflops / naiveGflops;
                run.out().printf(Locale.ROOT, "%-34s %8.2f GFLOP/s  %7.1fx   %s%n", r.name(), gflops, speedup, r.idea());
                table.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.1fx |%n", r.name(), r.idea(), gflops, speedup));
                chart.bar(r.name(), gflops);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("step", r.name());
                m.put("gflops", gflops);
                m.put("speedup_over_naive", speedup);
                m.put("max_abs_error", err);
                results.add(m);
            }
        } finally {
            for (AutoCloseable c : toClose) {
                try {
                    c.close();
                } catch (Exception e) {
                    // a thread pool or device buffers at the end of the lesson: nothing to recover
                }
            }
        }
        try {
            Files.writeString(run.file("table.md"), table.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run.wrote(run.file("table.md"));
        run.wrote(chart.write(run.file("gflops.png")));
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("size", s);
        metrics.put("threads", run.threads());
        metrics.put("java_version", Runtime.version().toString());
        metrics.put("steps", results);
        run.metrics(metrics);
    }

    /** A product computed by a backend's gemm, as a step. */
    private static MatmulStep gemm(Kernels k) {
        return new MatmulStep() {
            @Override
            public String name() {
                return k.name();
            }

            @Override
            public String idea() {
                return k.device();
            }

            @Override
            public void multiply(int m, int n, int kk, float[] a, float[] b, float[] c) {
                k.gemm(1, m, n, kk, a, false, b, false, false, c);
            }
        };
    }

    /**
     * The largest |C − naive C|, after checking every element is within float rounding of the
     * naive product: two float sums of k products, in any order, differ by at most about
     * 2(k + 2)·u·Σ|a||b| (u = 2⁻²⁴); a wrong index or a lost term is far outside that.
     */
    static double check(String step, float[] want, float[] got, float[] absBound, int k) {
        double worst = 0, u = Math.ulp(1f) / 2;
        for (int i = 0; i < want.length; i++) {
            double d = Math.abs((double) got[i] - want[i]), tol = 2 * (k + 2) * u * absBound[i] + 1e-30;
            if (!(d <= tol)) {
                throw new IllegalStateException(String.format(Locale.ROOT, "step '%s' disagrees with the naive product at C[%d]: %s vs %s (allowed ±%.3g)",
                        step, i, got[i], want[i], tol));
            }
            worst = Math.max(worst, d);
        }
        return worst;
    }

    private static float[] abs(float[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) y[i] = Math.abs(x[i]);
        return y;
    }
}
