package genlab.lessons;

import genlab.data.Batches;
import genlab.data.ImageSet;
import genlab.data.Mnist;
import genlab.flow.Dequantization;
import genlab.flow.RealNvp;
import genlab.io.Npy;
import genlab.metrics.BitsPerDim;
import genlab.optim.Adam;
import genlab.optim.GradClip;
import genlab.optim.LrSchedule;
import genlab.tensor.Autograd;
import genlab.tensor.Tensor;
import genlab.viz.ImageGrid;
import genlab.viz.LineChart;
import genlab.viz.ReportPage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * RealNVP on dequantized MNIST (Dinh et al. 2017, the multi-scale image flow of {@link RealNvp#images}).
 *
 * <p>Each digit's pixels k ∈ {0..255} become v = k + u, u ~ U[0, 1) (fresh noise every step), and
 * the flow is trained to maximise log p(v) = log N(f(v); 0, I) + log |det ∂f/∂v| by Adam. The test
 * score is bits per dimension, −log p(v) / (784 · ln 2) averaged over the test digits (one fixed
 * draw of u), an upper bound on the discrete model's code length. Samples are f⁻¹(T·ε) at
 * temperature T ({@code --temperature}).
 */
public final class RealNvpMnistLesson implements Lesson {
    static final String CHECKPOINT_FILE = "realnvp.safetensors";

    @Override
    public String name() {
        return "realnvp-mnist";
    }

    @Override
    public String summary() {
        return "RealNVP on dequantized MNIST: exact likelihood, test bits/dim per epoch, samples at a temperature";
    }

    @Override
    public Options options() {
        return Options.common().epochs(10, 1).lr(5e-3).samples(64, 16)
                .count("batch-size", 64, 16, "examples per optimiser step")
                .count("train-digits", 60_000, 256, "training digits to use (the first N)")
                .count("test-digits", 10_000, 128, "test digits to evaluate bits/dim on (the first N)")
                .count("features", 32, 4, "channels of the coupling networks at the first scale (doubled per scale)")
                .count("layers", 1, 1, "hidden convolutions in each coupling network")
                .count("scales", 2, 2, "scales of the multi-scale architecture (28 -> 14 -> 7)")
                .positive("temperature", 0.8, "sampling temperature T: z ~ N(0, T² I)")
                .positive("max-minutes", 30, "stop training after this many minutes of training (checked after each step; evaluation not counted)")
                .positive("alpha", 0.05, "logit preprocessing: p = alpha + (1 - 2 alpha) y")
                .choice("lr-decay", List.of("cosine", "none"), "cosine",
                        "cosine: the rate falls to 0 over the run's budget (steps or --max-minutes, whichever runs out first); none: constant");
    }

    @Override
    public void run(Run run) throws Exception {
        long start = System.nanoTime();
        ImageSet train = Mnist.load(Mnist.datasetsDir(), Mnist.Split.TRAIN, run.integer("train-digits"));
        ImageSet test = Mnist.load(Mnist.datasetsDir(), Mnist.Split.TEST, run.integer("test-digits"));
        double alpha = run.number("alpha");
        if (alpha >= 0.5) throw new UsageException("--alpha must be below 0.5, got " + alpha);
        RealNvp model = RealNvp.images(1, Mnist.SIZE, Mnist.SIZE, run.integer("scales"), run.integer("features"),
                run.integer("layers"), alpha, run.random());
        Adam adam = new Adam(model.parameters(), run.lr());
        int epochs = run.epochs(), batch = run.batchSize(), dims = model.dims();
        int perEpoch = Batches.count(train.size(), batch, true);
        double maxSeconds = run.number("max-minutes") * 60;
        long totalSteps = (long) epochs * perEpoch;
        boolean cosine = run.text("lr-decay").equals("cosine");
        run.out().printf(Locale.ROOT, "RealNVP (%d parameters, %d scales, %d features), %d training and %d test digits, Adam lr %s (%s decay), batch %d%n",
                model.parameterCount(), run.integer("scales"), run.integer("features"), train.size(), test.size(), run.lr(), run.text("lr-decay"), batch);

        SplittableRandom noise = new SplittableRandom(run.seed() + 1);
        Tensor testV = Dequantization.noise(test.batch(allIndices(test.size())), new SplittableRandom(run.seed() + 2)); // (N, 1, 28, 28)
        List<Double> stepX = new ArrayList<>(), stepBpd = new ArrayList<>();
        List<Double> epochX = new ArrayList<>(), testBpd = new ArrayList<>();
        // the untrained score on a few hundred digits only: a full pass costs as much as ~150 training steps
        Tensor firstTest = testV.slice(0, 0, Math.min(500, testV.size(0)));
        double initial = evaluate(model, firstTest, dims);
        run.out().printf(Locale.ROOT, "untrained: %.4f bits/dim on the first %d test digits%n", initial, firstTest.size(0));
        epochX.add(0.0);
        testBpd.add(initial);
        long step = 0, trainNanos = 0;
        boolean outOfTime = false;
        double trainBpd = Double.NaN;
        for (int e = 0; e < epochs && !outOfTime; e++) {
            long epochStart = System.nanoTime();
            model.train(true);
            double sum = 0;
            int count = 0;
            try (Progress bar = run.progress("epoch " + (e + 1) + "/" + epochs, perEpoch)) {
                for (int[] idx : Batches.epoch(train.size(), batch, true, run.random())) {
                    long stepStart = System.nanoTime();
                    Tensor v = Dequantization.noise(train.batch(idx), noise); // (B, 1, 28, 28)
                    Tensor loss = model.nll(v);
                    double bpd = BitsPerDim.fromNats(loss.item(), dims);
                    if (!Double.isFinite(bpd)) {
                        throw new LessonException(String.format(Locale.ROOT,
                                "training diverged at step %d: loss %s nats (try a lower --lr)", step, loss.item()));
                    }
                    adam.zeroGrad();
                    loss.backward();
                    GradClip.clipByNorm(model.parameters(), 100);
                    if (cosine) adam.setLr(run.lr() * LrSchedule.cosineAt(budgetUsed(step, totalSteps, trainNanos / 1e9, maxSeconds)));
                    adam.step();
                    step++;
                    sum += bpd;
                    count++;
                    stepX.add(e + (double) count / perEpoch);
                    stepBpd.add(bpd);
                    bar.step(String.format(Locale.ROOT, "%.3f bits/dim", sum / count));
                    trainNanos += System.nanoTime() - stepStart;
                    if (trainNanos / 1e9 > maxSeconds) {
                        outOfTime = true;
                        break;
                    }
                }
            }
            trainBpd = sum / count;
            double t = evaluate(model, testV, dims);
            double epochsDone = outOfTime ? e + (double) count / perEpoch : e + 1;
            epochX.add(epochsDone);
            testBpd.add(t);
            run.out().printf(Locale.ROOT, "epoch %d/%d: train %.4f bits/dim, test %.4f bits/dim (%.0f s)%s%n", e + 1, epochs, trainBpd, t,
                    (System.nanoTime() - epochStart) / 1e9, outOfTime ? String.format(Locale.ROOT, "; --max-minutes reached after %d of %d steps", count, perEpoch) : "");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double finalBpd = testBpd.get(testBpd.size() - 1);
        run.out().printf(Locale.ROOT, "test %.4f bits/dim after %d steps: %.0f s of training, %.0f s in all%n", finalBpd, step, trainNanos / 1e9, seconds);

        run.wrote(new LineChart("RealNVP on MNIST", "epoch", "bits/dim (log scale)").logY()
                .series("train (per step)", toArray(stepX), toArray(stepBpd))
                .series("test", toArray(epochX), toArray(testBpd))
                .write(run.file("bits_per_dim.png")));

        double temperature = run.number("temperature");
        int n = run.samples();
        model.eval();
        Tensor v = model.sample(n, temperature, run.random()); // (n, 1, 28, 28), v ∈ [0, 256)
        float[] px = new float[v.numel()];
        for (int i = 0; i < px.length; i++) {
            float p = v.data()[i] / 256f;
            px[i] = Float.isNaN(p) ? 0 : Math.min(1f, Math.max(0f, p));
        }
        Tensor images = Tensor.of(px, n, 1, Mnist.SIZE, Mnist.SIZE);
        Npy.write(run.file("samples.npy"), images);
        run.wrote(run.file("samples.npy"));
        run.wrote(ImageGrid.of(px, Math.min(n, 100), 1, Mnist.SIZE, Mnist.SIZE).scale(2).write(run.file("samples.png")));
        Tensor plain = model.sample(Math.min(n, 100), 1.0, run.random());
        float[] pxT1 = new float[plain.numel()];
        for (int i = 0; i < pxT1.length; i++) pxT1[i] = Math.min(1f, Math.max(0f, plain.data()[i] / 256f));
        run.wrote(ImageGrid.of(pxT1, plain.size(0), 1, Mnist.SIZE, Mnist.SIZE).scale(2).write(run.file("samples_t1.png")));

        saveForCompare(run, model, stepBpd);

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("test_bits_per_dim", finalBpd);
        metrics.put("test_bits_per_dim_per_epoch", testBpd);
        metrics.put("train_bits_per_dim", trainBpd);
        metrics.put("untrained_test_bits_per_dim", initial); // on the first 500 test digits
        metrics.put("steps", step);
        metrics.put("epochs_completed", epochX.get(epochX.size() - 1));
        metrics.put("stopped_by_time_limit", outOfTime);
        metrics.put("train_seconds", trainNanos / 1e9);
        metrics.put("total_seconds", seconds);
        metrics.put("parameters", model.parameterCount());
        metrics.put("lr", run.lr());
        metrics.put("lr_decay", run.text("lr-decay"));
        metrics.put("temperature", temperature);
        metrics.put("train_digits", train.size());
        metrics.put("test_digits", test.size());
        run.metrics(metrics);
    }

    /** Upper end of the expected test bits/dim of the default run (measured 1.724, 978 steps). */
    private static final double EXPECTED_MAX = 1.80;

    /**
     * The range lessons/realnvp.md gives for the default run (30 minutes of training on the shared
     * 2-vCPU machine under load); other options, or a faster machine, land elsewhere.
     */
    @Override
    public List<ReportPage.Expected> expected(Run run) {
        boolean defaults = !run.quick() && run.number("max-minutes") == 30 && run.lr() == 5e-3 && run.batchSize() == 64
                && run.integer("features") == 32 && run.integer("layers") == 1 && run.integer("scales") == 2
                && run.number("alpha") == 0.05 && run.text("lr-decay").equals("cosine")
                && run.integer("train-digits") == 60_000 && run.integer("test-digits") == 10_000;
        if (!defaults) return List.of();
        return List.of(ReportPage.Expected.atMost("test_bits_per_dim", EXPECTED_MAX,
                "the default 30-minute run on the loaded 2-vCPU machine: measured 1.724; the issue's bar is 1.6"));
    }

    /**
     * The fraction of the training budget used before this step: the larger of the fraction of
     * steps done and of the --max-minutes spent, so the decay ends where training does, whichever
     * limit stops it.
     */
    static double budgetUsed(long step, long totalSteps, double seconds, double maxSeconds) {
        return Math.min(1, Math.max((double) step / totalSteps, seconds / maxSeconds));
    }

    /**
     * OUT/realnvp.safetensors (the weights and the options that rebuild the architecture) and
     * OUT/losses.csv (train bits/dim per step): what the compare lesson reads back.
     */
    private static void saveForCompare(Run run, RealNvp model, List<Double> stepBpd) {
        Map<String, String> meta = new LinkedHashMap<>();
        for (String k : List.of("scales", "features", "layers")) meta.put(k, String.valueOf(run.integer(k)));
        meta.put("alpha", String.valueOf(run.number("alpha")));
        meta.put("temperature", String.valueOf(run.number("temperature")));
        genlab.io.SafeTensors.write(run.file(CHECKPOINT_FILE), model.stateDict(), meta);
        run.wrote(run.file(CHECKPOINT_FILE));
        StepLosses log = new StepLosses();
        stepBpd.forEach(log::add);
        log.write(run);
    }

    /** Mean test bits/dim: −log p(v) / (D ln 2), in batches, no gradients. */
    static double evaluate(RealNvp model, Tensor v, int dims) {
        model.eval();
        double sum = 0;
        int n = v.size(0);
        try (var ng = Autograd.noGrad()) {
            for (int[] idx : Batches.sequential(n, 500, false)) {
                Tensor b = v.slice(0, idx[0], idx[idx.length - 1] + 1);
                float[] lp = model.logProb(b).data();
                for (float x : lp) sum += -x;
            }
        }
        model.train(true);
        return BitsPerDim.fromNats(sum / n, dims);
    }

    static int[] allIndices(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }

    static double[] toArray(List<Double> xs) {
        double[] a = new double[xs.size()];
        for (int i = 0; i < a.length; i++) a[i] = xs.get(i);
        return a;
    }
}
