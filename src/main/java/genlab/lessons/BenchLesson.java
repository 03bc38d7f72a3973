package genlab.lessons;

import genlab.kernels.Backend;
import genlab.kernels.ConvGeometry;
import genlab.kernels.Kernels;
import genlab.kernels.ReferenceKernels;
import genlab.kernels.cpu.CpuKernels;
import genlab.kernels.opencl.OpenCl;
import genlab.kernels.opencl.OpenClKernels;

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
 * {@code lessons/run bench}: GFLOP/s of every heavy kernel on every backend, and milliseconds per
 * training step of the seed MLP GAN and MLP VAE, side by side.
 *
 * <p>Kernels: the matrix products a linear layer needs (forward x·Wᵀ, input gradient dy·W,
 * weight gradient dyᵀ·x), the three convolution kernels on the shape (batch 64, 32 to 64
 * channels, 28 × 28, 3 × 3, padding 1) and a DCGAN-sized transposed convolution. A kernel's
 * figure is 2·MACs / (mean seconds per call) after a warm-up call; each row runs for about
 * {@code --seconds} and at least once. Backends: {@code reference} (the plain loops), {@code cpu}
 * on {@code --threads} threads, and {@code opencl} when a device exists; {@code --backends}
 * picks some of them. Compare with PyTorch on the same machine, in the same minutes:
 * {@code OMP_NUM_THREADS=1 python3 ../shared/bench/torch_reference.py matmul} (and
 * {@code gan_mlp}, {@code vae_mlp}), with {@code --threads 1} here. On a loaded machine,
 * {@code --clock cpu} times this process's CPU time instead of elapsed time (compare with the
 * script's {@code time.perf_counter} swapped for {@code time.process_time}).
 */
public final class BenchLesson implements Lesson {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "GFLOP/s per kernel, shape and backend; ms per seed MLP GAN / VAE training step";
    }

    @Override
    public Options options() {
        return Options.common()
                .positive("seconds", 1.0, "time spent on each row (at least one call; --quick: 0.05)")
                .text("backends", "reference,cpu,opencl", "backends to measure, comma-separated (opencl only where a device exists)")
                .count("steps", 20, 2, "at most this many timed training steps per workload and backend")
                .text("workloads", "gan_mlp,vae_mlp", "training steps to time (gan_mlp, vae_mlp; 'none' for none)")
                .flag("no-kernels", "skip the kernel rows (only the training steps)")
                .choice("clock", List.of("wall", "cpu"), "wall",
                        "wall: elapsed time; cpu: this process's CPU time (needs --threads 1 and no opencl), "
                                + "steadier on a loaded machine");
    }

    /** One kernel call on one shape, callable on any backend. */
    private record Case(String kernel, String shape, double flops, Call call) {}

    private interface Call {
        Runnable on(Kernels k);
    }

    @Override
    public void run(Run run) throws UsageException {
        boolean quick = run.quick();
        double seconds = quick ? Math.min(0.05, run.number("seconds")) : run.number("seconds");
        boolean cpuClock = run.text("clock").equals("cpu");
        if (cpuClock && run.threads() != 1) throw new UsageException("--clock cpu adds up the CPU time of every thread: use it with --threads 1");
        List<Kernels> backends = backends(run);
        if (cpuClock && backends.stream().anyMatch(k -> k instanceof OpenClKernels)) {
            throw new UsageException("--clock cpu cannot time OpenCL (it computes on other threads): leave opencl out of --backends");
        }
        RandomGenerator rng = run.random();
        List<Case> cases = run.flag("no-kernels") ? List.of() : cases(quick, rng);

        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder table = new StringBuilder("| kernel | shape | backend | GFLOP/s |\n|---|---|---|---:|\n");
        for (Kernels k : backends) run.out().println(k.name() + ": " + k.device());
        for (Kernels k : backends) if (!(k instanceof ReferenceKernels)) warmUp(k, quick ? 0.1 : 2.0);
        for (Case c : cases) {
            for (Kernels k : backends) {
                Runnable call = c.call().on(k);
                double s;
                try (Backend.Scope scope = Backend.use(k)) {
                    s = meanSeconds(call, seconds, Integer.MAX_VALUE, cpuClock);
                }
                double gflops = c.flops() / s / 1e9;
                run.out().printf(Locale.ROOT, "%-22s %-30s %-9s %8.2f GFLOP/s%n", c.kernel(), c.shape(), k.name(), gflops);
                table.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f |%n", c.kernel(), c.shape(), k.name(), gflops));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("kernel", c.kernel());
                row.put("shape", c.shape());
                row.put("backend", k.name());
                row.put("gflops", gflops);
                rows.add(row);
            }
        }

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("threads", run.threads());
        metrics.put("clock", run.text("clock"));
        metrics.put("java_version", Runtime.version().toString());
        metrics.put("kernels", rows);
        List<String> workloads = workloads(run.text("workloads"));
        if (!workloads.isEmpty()) {
            table.append("\n| training step | backend | ms per step |\n|---|---|---:|\n");
            for (String workload : workloads) {
                for (Kernels k : backends) {
                    // a smoke run times the cpu kernels only: reference steps take seconds, PoCL compiles for seconds
                    if (quick && !(k instanceof CpuKernels)) continue;
                    double ms;
                    try (Backend.Scope scope = Backend.use(k)) {
                        BenchWorkloads.Step step = workload.equals("gan_mlp") ? BenchWorkloads.ganMlp(rng) : BenchWorkloads.vaeMlp(rng);
                        ms = 1e3 * meanSeconds(step::run, quick ? seconds : Math.max(seconds, 2.0), run.steps(), cpuClock);
                    }
                    run.out().printf(Locale.ROOT, "%-22s %-30s %-9s %8.2f ms/step%n", workload + " step", "", k.name(), ms);
                    table.append(String.format(Locale.ROOT, "| %s | %s | %.2f |%n", workload, k.name(), ms));
                    metrics.put(workload + "_ms_per_step_" + k.name(), ms);
                }
            }
        }
        for (Kernels k : backends) {
            if (k instanceof OpenClKernels ocl && ocl.failure() != null) {
                run.out().println("opencl failed during the run (" + ocl.failure() + "): its rows from then on ran on the cpu kernels");
            }
        }
        for (Kernels k : backends) if (k instanceof AutoCloseable c) closeQuietly(c);
        try {
            Files.writeString(run.file("bench.md"), table.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run.wrote(run.file("bench.md"));
        run.metrics(metrics);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing device buffers at the end of a benchmark: nothing to recover
        }
    }

    /**
     * Runs products and convolutions for about {@code seconds} before anything is timed: until the
     * JIT has compiled them, Vector API kernels run in the interpreter, hundreds of times slower,
     * and the first row measured would show that instead of the kernel.
     */
    private static void warmUp(Kernels k, double seconds) {
        int s = 96;
        float[] a = new float[s * s], b = new float[s * s], c = new float[s * s];
        ConvGeometry g = ConvGeometry.of(2, 8, 12, 12, 8, 3, 3, 1, 1, 1, 1, 1, 1);
        float[] x = new float[2 * 8 * 144], w = new float[8 * 8 * 9], y = new float[2 * 8 * 144];
        try (Backend.Scope scope = Backend.use(k)) {
            long start = System.nanoTime();
            do {
                k.gemm(1, s, s, s, a, false, b, false, false, c);
                k.gemm(1, s, s, s, a, true, b, true, false, c);
                k.conv2d(g, x, w, y);
                k.conv2dInputGrad(g, y, w, x);
                k.conv2dWeightGrad(g, x, y, w);
            } while (System.nanoTime() - start < seconds * 1e9);
        }
    }

    private static List<String> workloads(String text) throws UsageException {
        if (text.trim().equals("none")) return List.of();
        List<String> out = new ArrayList<>();
        for (String w : text.split(",")) {
            if (!w.trim().equals("gan_mlp") && !w.trim().equals("vae_mlp")) {
                throw new UsageException("--workloads: unknown workload '" + w.trim() + "' (choose from gan_mlp, vae_mlp, or none)");
            }
            out.add(w.trim());
        }
        return out;
    }

    /** The backends named by {@code --backends}, in that order; opencl is left out, with a line, when no device exists. */
    private static List<Kernels> backends(Run run) throws UsageException {
        List<Kernels> out = new ArrayList<>();
        for (String name : run.text("backends").split(",")) {
            switch (name.trim()) {
                case "reference" -> out.add(new ReferenceKernels());
                case "cpu" -> out.add(new CpuKernels(run.threads()));
                case "opencl" -> {
                    OpenCl.Probe probe = OpenCl.probe();
                    Optional<OpenCl.Device> device = probe.best();
                    if (device.isPresent()) out.add(new OpenClKernels(new CpuKernels(run.threads()), device.get()));
                    else run.out().println("opencl: no device (" + probe.reason() + "), not measured");
                }
                default -> throw new UsageException("--backends: unknown backend '" + name.trim() + "' (choose from reference, cpu, opencl)");
            }
        }
        if (out.isEmpty()) throw new UsageException("--backends: nothing to measure");
        return out;
    }

    /**
     * Mean seconds per call over at least one call and about {@code seconds}, after warming up
     * (for at least one call and about half of {@code seconds}) so the JIT has compiled the
     * kernel: a Vector API kernel still in the interpreter runs hundreds of times slower.
     */
    static double meanSeconds(Runnable call, double seconds, int maxCalls) {
        return meanSeconds(call, seconds, maxCalls, false);
    }

    /**
     * As above; with {@code processCpu}, the CPU time of this whole JVM (the computing thread, and
     * the garbage collector and JIT threads, as Python's {@code time.process_time} counts all of
     * PyTorch's) instead of elapsed time: on a shared machine it leaves out the time other
     * processes hold the core.
     */
    static double meanSeconds(Runnable call, double seconds, int maxCalls, boolean processCpu) {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        java.util.function.LongSupplier clock = System::nanoTime;
        if (processCpu) {
            if (!(os instanceof com.sun.management.OperatingSystemMXBean sun) || sun.getProcessCpuTime() < 0) {
                throw new IllegalStateException("--clock cpu: this JVM does not report its process CPU time");
            }
            clock = sun::getProcessCpuTime;
        }
        long warm = clock.getAsLong();
        do call.run(); while (clock.getAsLong() - warm < seconds * 0.5e9);
        long start = clock.getAsLong(), budget = (long) (seconds * 1e9);
        int calls = 0;
        long elapsed;
        do {
            call.run();
            calls++;
            elapsed = clock.getAsLong() - start;
        } while (elapsed < budget && calls < maxCalls);
        return elapsed / 1e9 / calls;
    }

    private static List<Case> cases(boolean quick, RandomGenerator rng) {
        List<Case> cases = new ArrayList<>();
        int[][] products = quick ? new int[][] {{8, 24, 16}} : new int[][] {{64, 784, 512}, {512, 512, 512}};
        for (int[] s : products) {
            int m = s[0], k = s[1], n = s[2];
            String shape = m + "x" + k + "x" + n;
            double flops = 2.0 * m * k * n;
            float[] a = random(rng, m * k), b = random(rng, k * n), c = new float[m * n];
            float[] g = random(rng, m * n), gIn = new float[m * k], gW = random(rng, n * k);
            // (m, k)·(k, n); a linear layer's forward is x (m, k) · Wᵀ with W (n, k)
            cases.add(new Case("matmul", shape, flops, kk -> () -> kk.gemm(1, m, n, k, a, false, b, false, false, c)));
            cases.add(new Case("matmul A·Bᵀ", shape, flops, kk -> () -> kk.gemm(1, m, n, k, a, false, gW, true, false, c)));
            // input gradient dy (m, n) · W (n, k) and weight gradient dyᵀ (n, m) · x (m, k)
            cases.add(new Case("matmul dy·W", shape, flops, kk -> () -> kk.gemm(1, m, k, n, g, false, gW, false, false, gIn)));
            cases.add(new Case("matmul dyᵀ·x", shape, flops, kk -> () -> kk.gemm(1, n, k, m, g, true, a, false, false, gW)));
        }
        ConvGeometry conv = quick ? ConvGeometry.of(2, 3, 7, 7, 4, 3, 3, 1, 1, 1, 1, 1, 1)
                : ConvGeometry.of(64, 32, 28, 28, 64, 3, 3, 1, 1, 1, 1, 1, 1);
        addConv(cases, conv, quick ? "2x3x7x7 -> 4, 3x3 pad 1" : "64x32x28x28 -> 64, 3x3 pad 1", rng);
        // conv-transpose2d: the adjoint of a stride-2 conv; a DCGAN generator layer 128 -> 64 channels, 8x8 -> 16x16, 4x4
        ConvGeometry up = quick ? ConvGeometry.of(2, 3, 6, 6, 4, 4, 4, 2, 2, 1, 1, 1, 1)
                : ConvGeometry.of(64, 64, 16, 16, 128, 4, 4, 2, 2, 1, 1, 1, 1);
        String upShape = quick ? "2x4x3x3 -> 3, 4x4 s2 pad 1" : "64x128x8x8 -> 64, 4x4 s2 pad 1";
        float[] upX = random(rng, up.batch() * up.outChannels() * up.outH() * up.outW());
        float[] upW = random(rng, up.outChannels() * up.inChannels() * 16);
        float[] upY = new float[up.batch() * up.inChannels() * up.inH() * up.inW()];
        cases.add(new Case("conv_transpose2d", upShape, 2.0 * up.macs(), kk -> () -> kk.conv2dInputGrad(up, upX, upW, upY)));
        return cases;
    }

    private static void addConv(List<Case> cases, ConvGeometry g, String shape, RandomGenerator rng) {
        float[] x = random(rng, g.batch() * g.inChannels() * g.inH() * g.inW());
        float[] w = random(rng, g.outChannels() * g.inChannels() * g.kH() * g.kW());
        float[] y = new float[g.batch() * g.outChannels() * g.outH() * g.outW()], gy = random(rng, y.length);
        float[] gx = new float[x.length], gw = new float[w.length];
        double flops = 2.0 * g.macs();
        cases.add(new Case("conv2d", shape, flops, k -> () -> k.conv2d(g, x, w, y)));
        cases.add(new Case("conv2d input grad", shape, flops, k -> () -> k.conv2dInputGrad(g, gy, w, gx)));
        cases.add(new Case("conv2d weight grad", shape, flops, k -> () -> k.conv2dWeightGrad(g, x, gy, gw)));
    }

    private static float[] random(RandomGenerator rng, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = rng.nextFloat() * 2 - 1;
        return a;
    }
}
