package genlab.lessons;

import genlab.data.Batches;
import genlab.data.ImageSet;
import genlab.data.Mnist;
import genlab.diffusion.ClassifierFreeGuidance;
import genlab.diffusion.Ddpm;
import genlab.diffusion.EpsModel;
import genlab.diffusion.ForwardProcess;
import genlab.diffusion.NoiseSchedule;
import genlab.diffusion.Sampler;
import genlab.diffusion.Trajectory;
import genlab.diffusion.UNet;
import genlab.diffusion.VariationalBound;
import genlab.io.Npy;
import genlab.metrics.Evaluator;
import genlab.metrics.EvaluatorException;
import genlab.optim.Adam;
import genlab.optim.Ema;
import genlab.optim.GradClip;
import genlab.tensor.Tensor;
import genlab.viz.FrameStrip;
import genlab.viz.ImageGrid;
import genlab.viz.LineChart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * DDPM on MNIST (Ho et al. 2020): a small class-conditional U-Net ({@link UNet}) learns to predict
 * the noise of x_t = √ᾱ_t·x_0 + √(1 − ᾱ_t)·ε (Algorithm 1, {@link Ddpm}), labels dropped with
 * probability p_uncond so the same network also learns the unconditional ε_θ(x_t, t, ∅) for
 * classifier-free guidance ({@link ClassifierFreeGuidance}). Samples come from the exponential
 * moving average of the weights, by ancestral sampling (Algorithm 2) or DDIM.
 *
 * <p>Figures: the forward noising of test digits and the reverse denoising of new samples (PNG
 * strips and GIFs), the running estimate x̂_0 (GIF), a guided sample grid after each epoch, the
 * loss curve. {@code samples.npy} holds the unconditional samples in [0, 1]; {@code metrics.json}
 * their FLD (the project's classifier), the guided accuracy and the test bits/dim (a Monte-Carlo
 * estimate of the variational bound, {@link VariationalBound}).
 *
 * <p>{@code --pretrained} samples from {@code lessons/checkpoints/ddpm.safetensors} instead of
 * training; {@code --resume FILE} continues training from a checkpoint.
 */
public final class DdpmLesson implements Lesson {
    static final String CHECKPOINT_FILE = "ddpm.safetensors";
    /** The shipped checkpoint's training loss per step (step,loss lines), drawn by --pretrained when present. */
    static final String LOSS_LOG = "ddpm-loss.csv";
    private static final List<String> DIGITS = List.of("none", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    @Override
    public String name() {
        return "ddpm";
    }

    @Override
    public String summary() {
        return "denoising diffusion on MNIST: noise becomes digits, frame by frame (U-Net, DDPM/DDIM sampling, guidance)";
    }

    @Override
    public Options options() {
        return Options.common().epochs(10, 1).lr(1e-3).batchSize(32).samples(32, 8)
                .count("train-digits", 60_000, 64, "training digits to use (the first N)")
                .count("base", 16, 8, "U-Net channels at full resolution (a multiple of 8)")
                .count("timesteps", 1000, 50, "T, the number of diffusion steps")
                .choice("schedule", List.of("linear", "cosine"), "linear", "noise schedule of β_t")
                .positive("p-uncond", 0.1, "probability of dropping a training label (for classifier-free guidance)")
                .positive("ema", 0.995, "decay of the moving average of the weights samples are drawn with")
                .choice("sampler", List.of("ddpm", "ddim"), "ddpm", "reverse process: ancestral (Algorithm 2, respaced) or DDIM")
                .count("sample-steps", 20, 4, "reverse steps (a respaced subsequence of 1..T)")
                .choice("digit", DIGITS, "none", "also draw --samples guided samples of this digit")
                .real("guidance", 3.0, "classifier-free guidance weight w (0: plain conditional)")
                .count("guided-per-digit", 3, 1, "guided samples per digit for the guided grid and accuracy")
                .count("bpd-digits", 32, 4, "test digits for the bits/dim estimate")
                .count("bpd-steps", 10, 3, "time steps sampled per digit for the bits/dim estimate")
                .count("checkpoint-every", 200, 1000, "training steps between checkpoints (OUT/checkpoint.safetensors)")
                .text("resume", "none", "continue training from this checkpoint file (none: start afresh)")
                .flag("pretrained", "sample from lessons/checkpoints/ddpm.safetensors instead of training");
    }

    @Override
    public void run(Run run) throws Exception {
        long start = System.nanoTime();
        RandomGenerator rng = run.random();
        if (run.flag("pretrained") && !run.text("resume").equals("none")) throw new UsageException("--pretrained and --resume exclude each other");
        ImageSet test = Mnist.load(Mnist.datasetsDir(), Mnist.Split.TEST, Math.max(run.integer("bpd-digits"), 16));

        UNet net;
        NoiseSchedule schedule;
        List<double[]> losses = new ArrayList<>();
        int trainedSteps;
        if (run.flag("pretrained")) {
            Path file = shipped();
            Map<String, String> meta = DdpmCheckpoint.metadata(file);
            metaInt(meta, "base", file);
            net = DdpmCheckpoint.build(meta, rng);
            try {
                DdpmCheckpoint.loadEmaInto(file, net);
            } catch (RuntimeException e) {
                throw new UsageException("--pretrained: " + file + " is unusable: " + e.getMessage());
            }
            schedule = NoiseSchedule.byName(meta.getOrDefault("schedule", "linear"), metaInt(meta, "timesteps", file));
            trainedSteps = Integer.parseInt(meta.getOrDefault("step", "0"));
            losses = readLossLog(file.resolveSibling(LOSS_LOG));
            run.out().printf(Locale.ROOT, "loaded %s: U-Net base %s (%d parameters), %s, trained %d steps%n",
                    file, meta.get("base"), net.parameterCount(), schedule, trainedSteps);
        } else {
            Trained tr = train(run, test);
            net = tr.net;
            schedule = tr.schedule;
            losses = tr.losses;
            trainedSteps = tr.steps;
        }
        net.eval();
        render(run, net, schedule, test, losses, trainedSteps, (System.nanoTime() - start) / 1e9);
    }

    private static Path shipped() throws UsageException {
        Path file = Evaluator.defaultCheckpoint().resolveSibling(CHECKPOINT_FILE);
        if (!Files.isRegularFile(file)) throw new UsageException("--pretrained: " + file + " not found (train one with: lessons/run ddpm)");
        return file;
    }

    private static int metaInt(Map<String, String> meta, String key, Path file) throws UsageException {
        try {
            return Integer.parseInt(meta.get(key));
        } catch (NumberFormatException e) {
            throw new UsageException(file + ": not a ddpm checkpoint (its metadata has no integer '" + key + "')");
        }
    }

    /** (step, loss) pairs of a loss.csv, or none when the file is absent. */
    static List<double[]> readLossLog(Path file) throws IOException {
        List<double[]> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) return out;
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split(",");
            if (f.length != 2 || !Character.isDigit(f[0].charAt(0))) continue;
            out.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
        }
        return out;
    }

    private record Trained(UNet net, NoiseSchedule schedule, List<double[]> losses, int steps) {}

    // ------------------------------------------------------------------ training

    private Trained train(Run run, ImageSet test) throws Exception {
        Map<String, String> resumedMeta = null;
        Path resume = run.text("resume").equals("none") ? null : Path.of(run.text("resume"));
        if (resume != null) resumedMeta = DdpmCheckpoint.metadata(resume);
        int base = resumedMeta != null ? metaInt(resumedMeta, "base", resume) : run.integer("base");
        int T = resumedMeta != null ? metaInt(resumedMeta, "timesteps", resume) : run.integer("timesteps");
        String scheduleName = resumedMeta != null ? resumedMeta.getOrDefault("schedule", "linear") : run.text("schedule");
        NoiseSchedule schedule = NoiseSchedule.byName(scheduleName, T);
        UNet net = new UNet(base, Mnist.CLASSES, run.random());
        Adam adam = new Adam(net.parameters(), run.lr());
        Ema ema = new Ema(net.namedParameters(), run.number("ema"));
        int step = 0;
        if (resume != null) {
            try {
                DdpmCheckpoint.loadAll(resume, net, adam, ema);
            } catch (RuntimeException e) {
                throw new UsageException("--resume " + resume + ": not a ddpm training checkpoint: " + e.getMessage());
            }
            step = (int) adam.steps();
            run.out().printf(Locale.ROOT, "resumed from %s at step %d%n", resume, step);
        }
        ImageSet train = Mnist.load(Mnist.datasetsDir(), Mnist.Split.TRAIN, run.integer("train-digits"));
        int batch = run.batchSize(), epochs = run.epochs();
        int perEpoch = Batches.count(train.size(), batch, true);
        int total = epochs * perEpoch;
        Ddpm ddpm = new Ddpm(schedule);
        double pUncond = run.number("p-uncond");
        run.out().printf(Locale.ROOT, "U-Net base %d (%d parameters), %s; %d training digits, batch %d, %d steps (%d epochs), Adam lr %s, EMA %s, p_uncond %s%n",
                base, net.parameterCount(), schedule, train.size(), batch, total, epochs, run.lr(), run.number("ema"), pUncond);

        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("model", "genlab.diffusion.UNet");
        meta.put("base", String.valueOf(base));
        meta.put("classes", String.valueOf(Mnist.CLASSES));
        meta.put("schedule", scheduleName);
        meta.put("timesteps", String.valueOf(T));
        meta.put("batch_size", String.valueOf(batch));
        meta.put("lr", String.valueOf(run.lr()));
        meta.put("ema", String.valueOf(run.number("ema")));
        meta.put("p_uncond", String.valueOf(pUncond));
        meta.put("seed", String.valueOf(run.seed()));
        Path ckpt = run.file("checkpoint.safetensors");
        Path lossLog = run.file("loss.csv");
        if (step == 0 || !Files.exists(lossLog)) Files.writeString(lossLog, "step,loss\n");
        List<double[]> losses = new ArrayList<>();
        int every = run.integer("checkpoint-every");
        long t0 = System.nanoTime();
        StringBuilder pending = new StringBuilder();
        while (step < total) {
            int epoch = step / perEpoch;
            List<int[]> order = Batches.epoch(train.size(), batch, true, new SplittableRandom(mix(run.seed(), -1 - epoch)));
            double sum = 0;
            int count = 0;
            try (Progress bar = run.progress("epoch " + (epoch + 1) + "/" + epochs, perEpoch)) {
                bar.resumeAt(step % perEpoch);
                while (step < total && step / perEpoch == epoch) {
                    RandomGenerator r = new SplittableRandom(mix(run.seed(), step));
                    int[] idx = order.get(step % perEpoch);
                    Tensor x0 = train.batch(idx).mul(2f).sub(1f);                                   // (B, 1, 28, 28) in [−1, 1]
                    int[] labels = ClassifierFreeGuidance.dropLabels(train.labels(idx), Mnist.CLASSES, pUncond, r);
                    adam.setLr(run.lr() * Math.min(1.0, (step + 1) / 100.0));                      // linear warm-up over 100 steps
                    Tensor loss = ddpm.loss(net, x0, labels, r);
                    double l = loss.item();
                    if (!Double.isFinite(l)) throw new LessonException("ddpm: loss is " + l + " at step " + (step + 1) + "; lower --lr");
                    adam.zeroGrad();
                    loss.backward();
                    GradClip.clipByNorm(net.parameters(), 1.0);
                    adam.step();
                    ema.update();
                    step++;
                    sum += l;
                    count++;
                    losses.add(new double[] {step, l});
                    pending.append(step).append(',').append(String.format(Locale.ROOT, "%.5f", l)).append('\n');
                    bar.step(String.format(Locale.ROOT, "loss %.4f", sum / count));
                    if (step % every == 0 || step == total) {
                        meta.put("step", String.valueOf(step));
                        DdpmCheckpoint.save(ckpt, net, adam, ema, meta);
                        Files.writeString(lossLog, pending, StandardOpenOption.APPEND);
                        pending.setLength(0);
                    }
                }
            }
            run.out().printf(Locale.ROOT, "epoch %d/%d: mean loss %.4f (%.0f s so far)%n", epoch + 1, epochs, count > 0 ? sum / count : Double.NaN, (System.nanoTime() - t0) / 1e9);
            if (step % perEpoch == 0) {
                ema.swapInto();
                net.eval();
                writeEpochGrid(run, net, schedule, epoch + 1);
                net.train(true);
                ema.swapInto();
            }
        }
        if (pending.length() > 0) Files.writeString(lossLog, pending, StandardOpenOption.APPEND);
        run.wrote(ckpt);
        run.wrote(lossLog);
        ema.swapInto(); // sample with the averaged weights from here on
        return new Trained(net, schedule, losses, step);
    }

    private static long mix(long seed, long i) {
        return seed * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L + 1;
    }

    private static void writeEpochGrid(Run run, UNet net, NoiseSchedule schedule, int epoch) {
        int n = run.quick() ? 10 : 20;
        int[] labels = new int[n];
        for (int i = 0; i < labels.length; i++) labels[i] = i % 10;
        EpsModel guided = new ClassifierFreeGuidance(net, run.number("guidance"));
        Tensor x = Sampler.byName("ddim", schedule, Math.min(20, schedule.steps())).sample(guided, new int[] {n, 1, 28, 28}, labels, new SplittableRandom(7), null);
        run.wrote(ImageGrid.of(toUnit(x).data(), n, 1, 28, 28).columns(10).scale(2).write(run.file(String.format(Locale.ROOT, "epochs/samples_epoch_%02d.png", epoch))));
    }

    // ------------------------------------------------------------------ figures and metrics

    private void render(Run run, UNet net, NoiseSchedule schedule, ImageSet test, List<double[]> losses, int trainedSteps, double secondsSoFar) throws Exception {
        long start = System.nanoTime();
        RandomGenerator rng = run.random();
        int T = schedule.steps();
        String samplerName = run.text("sampler");
        int steps = Math.min(run.integer("sample-steps"), T);
        double w = run.number("guidance");
        if (w < 0) throw new UsageException("--guidance must be >= 0, got " + w);
        Map<String, Object> metrics = new LinkedHashMap<>();

        // Forward noising of a few test digits: x_t for t from 0 to T with one ε per digit.
        int n = Math.min(8, test.size());
        int[] first = new int[n];
        for (int i = 0; i < n; i++) first[i] = i;
        Tensor x0 = test.batch(first).mul(2f).sub(1f);                                      // (n, 1, 28, 28)
        Tensor eps = Tensor.randn(rng, x0.shape());
        ForwardProcess q = new ForwardProcess(schedule);
        FrameStrip fwdStrip = new FrameStrip(n, 28, 28, -1, 1), fwdGif = new FrameStrip(n, 28, 28, -1, 1);
        for (int k = 0; k <= 10; k++) fwdStrip.add(q.sample(x0, fill(n, k * T / 10), eps).data());
        for (int k = 0; k <= 40; k++) fwdGif.add(q.sample(x0, fill(n, k * T / 40), eps).data());
        run.wrote(fwdStrip.writeStrip(run.file("forward_strip.png")));
        run.wrote(fwdGif.writeGif(run.file("forward.gif"), n, 80));

        // Unconditional samples (label ∅), with their trajectory.
        Sampler sampler = Sampler.byName(samplerName, schedule, steps);
        int count = run.samples();
        Trajectory traj = new Trajectory();
        Tensor samples = sampleMany(sampler, net, count, null, rng, traj);
        Tensor unit = toUnit(samples);                                                      // (N, 1, 28, 28) in [0, 1]
        run.wrote(ImageGrid.of(unit.data(), count, 1, 28, 28).columns(8).scale(2).write(run.file("samples.png")));
        Npy.write(run.file("samples.npy"), unit);
        run.wrote(run.file("samples.npy"));
        int m = Math.min(8, count);
        FrameStrip revStrip = new FrameStrip(m, 28, 28, -1, 1), revGif = new FrameStrip(m, 28, 28, -1, 1), x0Gif = new FrameStrip(m, 28, 28, -1, 1);
        for (Trajectory.Frame f : traj.evenly(11)) revStrip.add(f.xt().data());
        for (Trajectory.Frame f : traj.frames()) {
            revGif.add(f.xt().data());
            if (f.x0Hat() != null) x0Gif.add(f.x0Hat().data());
        }
        run.wrote(revStrip.writeStrip(run.file("reverse_strip.png")));
        run.wrote(revGif.writeGif(run.file("reverse.gif"), m, 120));
        run.wrote(x0Gif.writeGif(run.file("x0_estimate.gif"), m, 120));

        // Guided samples: k per digit, and --samples of --digit when asked.
        int k = run.integer("guided-per-digit");
        int[] labels = new int[10 * k];
        for (int i = 0; i < labels.length; i++) labels[i] = i / k;
        EpsModel guided = new ClassifierFreeGuidance(net, w);
        Tensor g = toUnit(sampleMany(sampler, guided, labels.length, labels, rng, null));
        run.wrote(ImageGrid.of(g.data(), labels.length, 1, 28, 28).columns(k).scale(2).write(run.file("guided_digits.png")));
        Tensor digitSamples = null;
        int digit = run.text("digit").equals("none") ? -1 : Integer.parseInt(run.text("digit"));
        if (digit >= 0) {
            int[] dl = fill(count, digit);
            digitSamples = toUnit(sampleMany(sampler, guided, count, dl, rng, null));
            run.wrote(ImageGrid.of(digitSamples.data(), count, 1, 28, 28).columns(8).scale(2).write(run.file("digit_" + digit + ".png")));
        }

        // Scores with the project's classifier, when it is installed.
        Evaluator ev = null;
        try {
            ev = Evaluator.load();
        } catch (EvaluatorException e) {
            run.out().println("no scores: " + e.getMessage());
        }
        if (ev != null) {
            double fld = ev.fld(unit);
            int[] pred = ev.classify(g);
            int hits = 0;
            for (int i = 0; i < pred.length; i++) if (pred[i] == labels[i]) hits++;
            double guidedAcc = (double) hits / pred.length;
            // FLD is biased upwards for small N: score as many real training digits the same way for scale.
            ImageSet real = Mnist.load(Mnist.datasetsDir(), Mnist.Split.TRAIN, Math.max(count, 2));
            double fldReal = ev.fld(Tensor.of(real.pixels(), real.size(), 1, 28, 28));
            run.out().printf(Locale.ROOT, "FLD of %d unconditional samples: %.2f (%d real training digits score %.2f; FLD is biased upwards below 10,000)%n",
                    count, fld, real.size(), fldReal);
            run.out().printf(Locale.ROOT, "guided samples (w = %s) classified as their digit: %.1f%% of %d%n", w, 100 * guidedAcc, pred.length);
            metrics.put("fld", fld);
            metrics.put("fld_real_same_count", fldReal);
            metrics.put("guided_accuracy", guidedAcc);
            if (digitSamples != null) {
                double acc = ev.accuracyAs(digitSamples, digit);
                run.out().printf(Locale.ROOT, "samples of digit %d classified as %d: %.1f%%%n", digit, digit, 100 * acc);
                metrics.put("digit", digit);
                metrics.put("digit_accuracy", acc);
            }
        } else {
            metrics.put("fld", null);
        }

        // The variational bound on the test digits, in bits/dim (Monte Carlo over t).
        int bd = Math.min(run.integer("bpd-digits"), test.size());
        int[] bi = new int[bd];
        for (int i = 0; i < bd; i++) bi[i] = i;
        VariationalBound vb = new VariationalBound(schedule);
        VariationalBound.Estimate est = vb.estimate(net, test.batch(bi).mul(2f).sub(1f), null, run.integer("bpd-steps"), rng);
        run.out().printf(Locale.ROOT, "test bits/dim (bound, %d digits, %d sampled t each): %.3f ± %.3f  (L_T %.4f, L_0 %.4f, Σ L_t−1 %.4f bits/dim)%n",
                bd, run.integer("bpd-steps"), est.bitsPerDim(), est.standardError(), est.priorBits(), est.decoderBits(), est.diffusionBits());
        metrics.put("test_bits_per_dim", est.bitsPerDim());
        metrics.put("test_bits_per_dim_stderr", est.standardError());

        if (!losses.isEmpty()) {
            double[] xs = new double[losses.size()], ys = new double[losses.size()], smooth = new double[losses.size()];
            double ema = losses.get(0)[1];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = losses.get(i)[0];
                ys[i] = losses.get(i)[1];
                ema = 0.98 * ema + 0.02 * ys[i];
                smooth[i] = ema;
            }
            run.wrote(new LineChart("DDPM on MNIST: L_simple", "step", "‖ε − ε_θ‖² per pixel (log scale)").logY()
                    .series("per step", xs, ys).series("moving average", xs, smooth).write(run.file("loss.png")));
            metrics.put("final_loss", smooth[smooth.length - 1]);
        }
        double renderSeconds = (System.nanoTime() - start) / 1e9;
        run.out().printf(Locale.ROOT, "rendered in %.1f s%n", renderSeconds);
        metrics.put("steps", trainedSteps);
        metrics.put("parameters", net.parameterCount());
        metrics.put("sampler", samplerName);
        metrics.put("sample_steps", steps);
        metrics.put("guidance", w);
        metrics.put("samples", count);
        metrics.put("render_seconds", renderSeconds);
        metrics.put("total_seconds", secondsSoFar + renderSeconds);
        run.metrics(metrics);
    }

    /** Samples in batches of at most 64, concatenated. */
    private static Tensor sampleMany(Sampler sampler, EpsModel model, int count, int[] labels, RandomGenerator rng, Trajectory traj) {
        List<Tensor> parts = new ArrayList<>();
        for (int s = 0; s < count; s += 64) {
            int b = Math.min(64, count - s);
            int[] l = labels == null ? null : java.util.Arrays.copyOfRange(labels, s, s + b);
            parts.add(sampler.sample(model, new int[] {b, 1, 28, 28}, l, rng, s == 0 ? traj : null));
        }
        return parts.size() == 1 ? parts.get(0) : Tensor.concat(parts, 0);
    }

    /** [−1, 1] -> [0, 1], clamped. */
    static Tensor toUnit(Tensor x) {
        float[] d = x.data(), out = new float[d.length]; // same shape
        for (int i = 0; i < d.length; i++) out[i] = Math.max(0f, Math.min(1f, (d[i] + 1) / 2));
        return Tensor.of(out, x.shape());
    }

    private static int[] fill(int n, int v) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
