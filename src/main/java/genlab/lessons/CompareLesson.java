package genlab.lessons;

import genlab.io.Json;
import genlab.metrics.Evaluator;
import genlab.metrics.EvaluatorException;
import genlab.metrics.InterpolationSmoothness;
import genlab.metrics.LossSpread;
import genlab.metrics.SampleFile;
import genlab.metrics.SampleScores;
import genlab.tensor.Tensor;
import genlab.viz.ImageGrid;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code lessons/run compare}: the four families side by side, measured the same way.
 *
 * <p>Runs four lessons as sub-runs in {@code OUT/vae}, {@code OUT/gan}, {@code OUT/realnvp}
 * and {@code OUT/ddpm}, reads each one's {@code metrics.json} and {@code samples.npy}, and scores
 * the first N samples of every model (N = the smallest count any model wrote) with the same
 * {@link Evaluator}: FLD, IS, KID, precision, recall. Bits/dim are taken from the sub-runs where the
 * model defines a likelihood (RealNVP exactly, DDPM as its variational bound); the MLP VAE is trained
 * with BCE on grey pixels, which is not a likelihood of the 8-bit data, so its bits/dim is "n/a (BCE)".
 *
 * <p>Then, on the models loaded back from the sub-runs' files ({@link CompareModels}):
 * milliseconds per sample (one warm-up batch, then {@code --timing-samples} in batches of
 * {@code --timing-batch}, wall clock, at {@code --threads}) and the smoothness of a latent
 * interpolation ({@code --pairs} slerp paths of {@code --interp-steps} steps, scored by
 * {@link genlab.metrics.InterpolationSmoothness}: path ratio L/D and max/mean step in the
 * classifier's feature space) ({@link CompareProbes}).
 *
 * <p>The spread of the loss ({@link LossSpread}): the trainable sub-runs (vae, gan, realnvp-mnist)
 * run with {@code --seeds} seeds (seed, seed+1, ...; the extra ones in {@code OUT/KEY-seedS}). Per
 * run, from its per-step {@code losses.csv}: the final loss, the mean over the last 20% of steps,
 * and the step spread, the coefficient of variation over those steps. Across seeds: the final loss
 * as mean ± sample std, and the mean of the runs' step CVs. The GAN has two losses, D's and G's. The
 * DDPM is not trained here: its step CV is that of the shipped checkpoint's training log (one run).
 *
 * <p>Settings. {@code --quick}: every sub-lesson in its own quick mode. Otherwise: vae and gan
 * (improved recipe) {@code --epochs} epochs; realnvp-mnist at most {@code --realnvp-minutes} of
 * training; ddpm {@code --pretrained} (the shipped checkpoint); each writes {@code --samples} samples.
 *
 * <p>Writes {@code compare.md} (the measured tables, then the seed notes' comparison table with the
 * measured values beside its qualitative rows), {@code samples.png} (one row per model),
 * {@code interpolation_KEY.png} (one strip per pair) and {@code metrics.json}.
 */
public final class CompareLesson implements Lesson {
    /** Models in table order: key, lesson, qualitative rows from the seed notes. */
    record Model(String key, String lesson, String title, String how, String quality, String stability,
                 String difficulty, String speed, String latent, String probabilistic) {}

    static final List<Model> MODELS = List.of(
            new Model("vae", "vae", "VAE (MLP, BCE)",
                    "decode z ~ N(0, I) through the decoder in one pass",
                    "blurry: the decoder's mean of a pixel-wise likelihood", "stable: one loss, the ELBO",
                    "easy", "fast: one decoder pass", "yes: a smooth, regularised z (KL to N(0, I))",
                    "approximate: a lower bound (ELBO) on log p(x)"),
            new Model("gan", "gan", "GAN (MLP, improved)",
                    "map noise z through the generator in one pass",
                    "sharp, may drop modes", "fragile: a two-player game, collapse possible",
                    "hard: recipe-sensitive", "fast: one generator pass", "yes, but not an encoder: no x -> z",
                    "none: no density, only samples"),
            new Model("realnvp", "realnvp-mnist", "RealNVP (flow)",
                    "invert a chain of couplings applied to z ~ N(0, T² I)",
                    "noisy at this size, improving slowly", "stable: exact maximum likelihood",
                    "moderate: invertible design, many parameters", "fast: one inverse pass",
                    "yes: bijective, same size as x", "exact: log p(x) by change of variables"),
            new Model("ddpm", "ddpm", "DDPM (U-Net)",
                    "denoise from pure noise over many reverse steps",
                    "sharpest of the four in the literature; here from the shipped checkpoint", "stable: a regression on the noise",
                    "moderate: simple loss, slow training", "slow: one network pass per step",
                    "x_T has the size of x, not semantic", "bound: variational bound on log p(x)"));


    /** The share of the last steps the final loss and the step spread are taken over. */
    static final double TAIL = 0.2;

    /** One loss series' spread: final loss (tail mean) as mean ± std over seeds, and the mean step CV. */
    record Spread(String label, double mean, double std, double stepCv, int runs) {}

    /** What was measured on one model apart from the sample scores. */
    record Probe(double msPerSample, InterpolationSmoothness interp, int scoredPairs, List<Spread> spreads) {}

    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String summary() {
        return "VAE, GAN, RealNVP and DDPM side by side: FLD, IS, KID, precision, recall, bits/dim, ms/sample, loss spread, interpolation (compare.md)";
    }

    @Override
    public Options options() {
        return Options.common().samples(500, 16)
                .count("epochs", 2, "epochs of the vae and gan sub-runs (not used with --quick)")
                .positive("realnvp-minutes", 2, "training time limit of each realnvp-mnist sub-run (not used with --quick)")
                .count("seeds", 2, "runs of each trainable sub-lesson (seeds seed, seed+1, ...) for the spread of the loss")
                .count("timing-samples", 128, 16, "samples generated per model to time it (after one warm-up batch)")
                .count("timing-batch", 64, 8, "batch size of the timed generation")
                .count("pairs", 4, 2, "latent pairs interpolated per model")
                .count("interp-steps", 10, 4, "steps K of each interpolation (K + 1 frames, at least 2)");
    }

    @Override
    public void run(Run run) throws Exception {
        int seeds = run.integer("seeds"), interpSteps = run.integer("interp-steps");
        if (interpSteps < 2) throw new UsageException("--interp-steps must be at least 2, got " + interpSteps);
        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, Map<?, ?>> subMetrics = new LinkedHashMap<>();
        Map<String, Tensor> samples = new LinkedHashMap<>();
        Map<String, List<Path>> runDirs = new LinkedHashMap<>();
        for (Model m : MODELS) {
            int runs = m.key().equals("ddpm") ? 1 : seeds;
            List<Path> dirs = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long seed = run.seed() + i;
                Path dir = run.file(i == 0 ? m.key() : m.key() + "-seed" + seed);
                double seconds = subRun(run, m, dir, seed);
                dirs.add(dir);
                if (i > 0) continue;
                metrics.put(m.key() + "_run_seconds", seconds);
                Path mj = dir.resolve("metrics.json"), npy = dir.resolve("samples.npy");
                if (!Files.isRegularFile(mj) || !Files.isRegularFile(npy)) {
                    throw new LessonException("compare: sub-run " + m.lesson() + " wrote no " + (Files.isRegularFile(mj) ? npy : mj));
                }
                subMetrics.put(m.key(), Json.readFile(mj) instanceof Map<?, ?> map ? map : Map.of());
                try {
                    samples.put(m.key(), SampleFile.read(npy));
                } catch (IllegalArgumentException e) {
                    throw new LessonException("compare: " + e.getMessage());
                }
            }
            runDirs.put(m.key(), dirs);
        }

        // The same number of samples from every model, scored by the same classifier.
        int n = samples.values().stream().mapToInt(t -> t.size(0)).min().orElseThrow();
        Evaluator ev;
        try {
            ev = Evaluator.load();
        } catch (EvaluatorException e) {
            throw new UsageException(e.getMessage());
        }
        metrics.put("score_samples", n);
        Map<String, SampleScores> scores = new LinkedHashMap<>();
        int cols = Math.min(n, 16);
        float[] gridPixels = new float[MODELS.size() * cols * 784];
        int g = 0;
        for (Model m : MODELS) {
            Tensor all = samples.get(m.key());
            float[] first = Arrays.copyOf(all.data(), n * 784);
            Tensor x = Tensor.of(first, n, 1, 28, 28);                                   // (n, 1, 28, 28)
            SampleScores s = ev.score(x);
            scores.put(m.key(), s);
            metrics.put(m.key() + "_fld", s.fld());
            metrics.put(m.key() + "_is", s.is());
            metrics.put(m.key() + "_kid", s.kid());
            metrics.put(m.key() + "_precision", s.precision());
            metrics.put(m.key() + "_recall", s.recall());
            System.arraycopy(first, 0, gridPixels, g, cols * 784);
            g += cols * 784;
            run.out().printf(Locale.ROOT, "%-8s FLD %8.3f  IS %5.2f  KID %7.4f  precision %.3f  recall %.3f%n",
                    m.key(), s.fld(), s.is(), s.kid(), s.precision(), s.recall());
        }
        metrics.put("realnvp_bits_per_dim", number(subMetrics.get("realnvp"), "test_bits_per_dim"));
        metrics.put("ddpm_bits_per_dim", number(subMetrics.get("ddpm"), "test_bits_per_dim"));
        SampleScores floor = ev.floor(), ceiling = ev.ceiling();
        metrics.put("floor_fld", floor.fld());
        metrics.put("ceiling_fld", ceiling.fld());

        // Speed, interpolation and loss spread, on the models loaded back from the sub-runs' files.
        Map<String, Probe> probes = new LinkedHashMap<>();
        int timingN = run.integer("timing-samples"), timingBatch = run.integer("timing-batch"), pairs = run.integer("pairs");
        metrics.put("timing_samples", timingN);
        metrics.put("timing_batch", timingBatch);
        metrics.put("threads", run.threads());
        metrics.put("seeds", seeds);
        for (Model m : MODELS) {
            CompareModels.Latent model = CompareModels.load(m.key(), runDirs.get(m.key()).get(0));
            double ms = CompareProbes.msPerSample(model, timingN, timingBatch, new SplittableRandom(run.seed() + 11));
            CompareProbes.Interpolation in = CompareProbes.interpolate(model, ev, pairs, interpSteps, new SplittableRandom(run.seed() + 12));
            run.wrote(CompareProbes.writeStrip(in, run.file("interpolation_" + m.key() + ".png")));
            List<Spread> spreads = spreads(m, runDirs.get(m.key()));
            probes.put(m.key(), new Probe(ms, in.mean(), in.scoredPairs(), spreads));
            metrics.put(m.key() + "_ms_per_sample", ms);
            metrics.put(m.key() + "_interp_path_ratio", in.mean().pathRatio());
            metrics.put(m.key() + "_interp_max_over_mean", in.mean().maxOverMean());
            metrics.put(m.key() + "_interp_endpoint_distance", in.mean().endpointDistance()); // small: the images barely differ
            metrics.put(m.key() + "_interp_pairs_scored", in.scoredPairs());
            for (Spread sp : spreads) {
                String k = m.key() + "_" + (sp.label().isEmpty() ? "" : sp.label() + "_") + "loss";
                metrics.put(k + "_final_mean", sp.mean());
                metrics.put(k + "_final_std", sp.std());
                metrics.put(k + "_step_cv", sp.stepCv());
                metrics.put(k + "_runs", sp.runs());
            }
            run.out().printf(Locale.ROOT, "%-8s %.2f ms/sample (%d threads), interpolation path ratio %.3f, max/mean step %.3f, loss %s%n",
                    m.key(), ms, run.threads(), in.mean().pathRatio(), in.mean().maxOverMean(), spreadText(spreads));
        }

        run.wrote(ImageGrid.of(gridPixels, MODELS.size() * cols, 1, 28, 28).columns(cols).scale(2).write(run.file("samples.png")));
        Path md = run.file("compare.md");
        Files.writeString(md, table(run, n, scores, subMetrics, metrics, probes, floor, ceiling), StandardCharsets.UTF_8);
        run.wrote(md);
        run.metrics(metrics);
    }

    /** Runs one sub-lesson into {@code dir} with {@code seed}; returns its wall seconds. */
    private static double subRun(Run run, Model m, Path dir, long seed) throws Exception {
        List<String> args = new ArrayList<>(List.of("--out", dir.toString(), "--seed", String.valueOf(seed),
                "--backend", run.text("backend"), "--threads", String.valueOf(run.threads())));
        args.addAll(subArgs(run, m, seed == run.seed()));
        run.out().println("== " + m.lesson() + " " + String.join(" ", args));
        long t0 = System.nanoTime();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.runLesson(lessonNamed(m.lesson()), args.toArray(String[]::new), run.out(),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (code != Cli.OK) {
            String why = err.toString(StandardCharsets.UTF_8).strip();
            throw new LessonException("compare: sub-run " + m.lesson() + " failed (exit " + code + "): "
                    + (why.isEmpty() ? "no message" : why.lines().findFirst().orElse("")));
        }
        return seconds;
    }

    /** The loss spreads of a model's runs (the DDPM: its shipped training log). */
    static List<Spread> spreads(Model m, List<Path> dirs) throws Exception {
        List<Path> logs = new ArrayList<>();
        if (m.key().equals("ddpm")) {
            logs.add(Evaluator.defaultCheckpoint().resolveSibling(DdpmLesson.LOSS_LOG));
        } else {
            for (Path d : dirs) logs.add(d.resolve(StepLosses.FILE));
        }
        List<String> columns = m.key().equals("gan") ? List.of("d_loss", "g_loss") : List.of("loss");
        List<Spread> out = new ArrayList<>();
        for (String c : columns) {
            double[] finals = new double[logs.size()], cvs = new double[logs.size()];
            for (int i = 0; i < logs.size(); i++) {
                Path log = logs.get(i);
                if (!Files.isRegularFile(log)) throw new LessonException("compare: no per-step loss log " + log);
                double[] losses = StepLosses.read(log, c);
                if (losses.length < 2) throw new LessonException("compare: " + log + " has fewer than 2 steps");
                int tail = Math.min(losses.length, Math.max(2, (int) Math.ceil(TAIL * losses.length)));
                finals[i] = LossSpread.mean(Arrays.copyOfRange(losses, losses.length - tail, losses.length));
                cvs[i] = LossSpread.tailCv(losses, TAIL);
            }
            out.add(new Spread(c.equals("loss") ? "" : c.substring(0, 1), LossSpread.mean(finals), LossSpread.std(finals),
                    LossSpread.mean(cvs), logs.size()));
        }
        return out;
    }

    private static String spreadText(List<Spread> spreads) {
        List<String> parts = new ArrayList<>();
        for (Spread s : spreads) {
            parts.add(String.format(Locale.ROOT, "%s%s%s, step CV %.3f", s.label().isEmpty() ? "" : s.label().toUpperCase(Locale.ROOT) + " ",
                    sig(s.mean()), s.runs() > 1 ? " ± " + sig(s.std()) : "", s.stepCv()));
        }
        return String.join(", ", parts);
    }

    /** Four significant digits, plain notation. */
    private static String sig(double v) {
        if (!Double.isFinite(v)) return String.valueOf(v);
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** The arguments of a model's sub-run: its quick mode, or the modest settings; an extra seed's run (not scored) writes 100 samples. */
    private static List<String> subArgs(Run run, Model m, boolean scored) {
        boolean quick = run.quick();
        String epochs = String.valueOf(run.integer("epochs"));
        List<String> a = new ArrayList<>(switch (m.key()) {
            // not used by compare: the vae's importance-weighted bound on fewer digits, realnvp's bits/dim on 2,000 test digits
            case "vae" -> quick ? List.<String>of() : List.of("--epochs", epochs, "--iwae-digits", "100");
            case "gan" -> quick ? List.of("--recipe", "improved") : List.of("--recipe", "improved", "--epochs", epochs);
            case "realnvp" -> quick ? List.<String>of() : List.of("--max-minutes", String.valueOf(run.number("realnvp-minutes")),
                    "--test-digits", "2000");
            case "ddpm" -> List.of("--pretrained");
            default -> throw new IllegalStateException(m.key());
        });
        if (quick) a.add("--quick");
        else a.addAll(List.of("--samples", scored ? String.valueOf(run.samples()) : "100"));
        return a;
    }

    private static Lesson lessonNamed(String name) {
        for (Lesson l : Main.LESSONS) if (l.name().equals(name)) return l;
        throw new IllegalStateException("no lesson " + name);
    }

    private static Double number(Map<?, ?> m, String key) {
        return m != null && m.get(key) instanceof Number v ? v.doubleValue() : null;
    }

    private static String fmt(Double v, String pattern) {
        return v == null || v.isNaN() ? "n/m" : String.format(Locale.ROOT, pattern, v);
    }

    /** compare.md: the measured tables, then the seed notes' table with the measured values beside it. */
    static String table(Run run, int n, Map<String, SampleScores> scores, Map<String, Map<?, ?>> sub,
                        Map<String, Object> metrics, Map<String, Probe> probes, SampleScores floor, SampleScores ceiling) {
        StringBuilder sb = new StringBuilder();
        int seeds = run.integer("seeds");
        sb.append("# VAE, GAN, RealNVP and DDPM compared\n\n");
        sb.append(run.quick() ? "Quick run: every sub-lesson in its `--quick` mode (tiny training, few samples): the numbers show the plumbing, not the models.\n\n"
                : "Run: vae and gan " + run.integer("epochs") + " epochs, realnvp-mnist at most "
                        + run.number("realnvp-minutes") + " min of training (bits/dim on 2,000 test digits), ddpm from the shipped checkpoint (--pretrained); "
                        + seeds + " seed(s) per trained model.\n\n");
        sb.append(String.format(Locale.ROOT, "Every model's first %d samples scored by the same MNIST classifier (genlab.metrics.Evaluator). "
                + "Floor (10,000 real training digits): FLD %.3f; ceiling (uniform noise): FLD %.3f. "
                + "Few samples bias FLD and KID upwards: compare models within one run.%n%n", n, floor.fld(), ceiling.fld()));
        sb.append("## Samples\n\n");
        sb.append("| model | FLD ↓ | IS ↑ | KID ↓ | precision ↑ | recall ↑ | bits/dim ↓ |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (Model m : MODELS) {
            SampleScores s = scores.get(m.key());
            sb.append(String.format(Locale.ROOT, "| %s | %.3f | %.2f | %.4f | %.3f | %.3f | %s |%n",
                    m.title(), s.fld(), s.is(), s.kid(), s.precision(), s.recall(), bitsPerDim(m, sub)));
        }
        sb.append("\nbits/dim: RealNVP's is exact (test digits, dequantised); DDPM's is its variational bound, estimated on a few test digits. "
                + "The VAE here is trained with BCE on grey pixels, a density of no distribution over the 8-bit data, so its loss is not converted to bits/dim.\n\n");
        sb.append("## Speed, stability, latent space\n\n");
        sb.append("| model | ms/sample | final loss (mean ± std over seeds) | step CV (last 20%) | seeds | interpolation L/D | max/mean step | sub-run s |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        for (Model m : MODELS) {
            Probe p = probes.get(m.key());
            List<String> fin = new ArrayList<>(), cv = new ArrayList<>();
            for (Spread s : p.spreads()) {
                String l = s.label().isEmpty() ? "" : s.label().toUpperCase(Locale.ROOT) + " ";
                fin.add(l + sig(s.mean()) + (s.runs() > 1 ? " ± " + sig(s.std()) : ""));
                cv.add(l + String.format(Locale.ROOT, "%.3f", s.stepCv()));
            }
            sb.append(String.format(Locale.ROOT, "| %s | %.2f | %s | %s | %s | %s | %s | %.1f |%n",
                    m.title(), p.msPerSample(), (String.join(", ", fin) + " " + lossUnit(m)).strip(), String.join(", ", cv),
                    m.key().equals("ddpm") ? "1 (shipped log)" : String.valueOf(p.spreads().get(0).runs()),
                    fmt(p.interp().pathRatio(), "%.3f"), fmt(p.interp().maxOverMean(), "%.3f"),
                    (Double) metrics.get(m.key() + "_run_seconds")));
        }
        sb.append(String.format(Locale.ROOT, "%nms/sample: one warm-up batch, then %d samples in batches of %d, wall clock, %d thread(s) "
                + "(the DDPM: DDIM, %d network passes per sample). "
                + "Final loss: the mean of a run's per-step training loss over its last 20%% of steps; ± the sample std over seeds. "
                + "Step CV: std / |mean| of the per-step loss over those steps, averaged over the seeds (minibatch noise; for the GAN, "
                + "also the two players' oscillation). The DDPM is not trained here: its row is the shipped checkpoint's training log. "
                + "Interpolation: %d slerp paths of %d steps between prior draws (z, or the DDPM's x_T with deterministic DDIM), "
                + "in the classifier's 84-d features: L/D = path length / endpoint distance (1: straight), max/mean step (1: even; "
                + "up to %d: one jump). Sub-run seconds include training, evaluation and data loading, on a shared machine.%n%n",
                (int) metrics.get("timing_samples"), (int) metrics.get("timing_batch"), run.threads(), CompareModels.DDPM_STEPS,
                run.integer("pairs"), run.integer("interp-steps"), run.integer("interp-steps")));
        sb.append("## The seed notes' table, measured\n\n");
        sb.append("| | " + String.join(" | ", MODELS.stream().map(Model::title).toList()) + " |\n");
        sb.append("|---|---|---|---|---|\n");
        row(sb, "how it generates", m -> m.how());
        row(sb, "image quality", m -> m.quality() + String.format(Locale.ROOT, " (FLD %.1f, IS %.2f, precision %.2f, recall %.2f)",
                scores.get(m.key()).fld(), scores.get(m.key()).is(), scores.get(m.key()).precision(), scores.get(m.key()).recall()));
        row(sb, "training stability", m -> m.stability() + " (final loss " + spreadText(probes.get(m.key()).spreads())
                + (m.key().equals("ddpm") ? "; shipped log" : "; " + probes.get(m.key()).spreads().get(0).runs() + " seeds") + ")");
        row(sb, "training difficulty", m -> m.difficulty() + (m.key().equals("ddpm") ? " (shipped: "
                + fmt(number(sub.get("ddpm"), "steps"), "%.0f") + " steps)" : String.format(Locale.ROOT, " (sub-run %.0f s)",
                (Double) metrics.get(m.key() + "_run_seconds"))));
        row(sb, "generation speed", m -> m.speed() + String.format(Locale.ROOT, " (%.2f ms/sample)", probes.get(m.key()).msPerSample()));
        row(sb, "latent space", m -> m.latent() + " (interpolation L/D " + fmt(probes.get(m.key()).interp().pathRatio(), "%.2f")
                + ", max/mean step " + fmt(probes.get(m.key()).interp().maxOverMean(), "%.2f") + ")");
        row(sb, "probabilistic interpretation", m -> m.probabilistic() + " (bits/dim " + bitsPerDim(m, sub) + ")");
        sb.append("\nFigures: `samples.png` (rows: " + String.join(", ", MODELS.stream().map(Model::key).toList())
                + "), `interpolation_KEY.png` (one row per pair, endpoints at the ends).\n");
        return sb.toString();
    }

    private static String bitsPerDim(Model m, Map<String, Map<?, ?>> sub) {
        return switch (m.key()) {
            case "vae" -> "n/a (BCE)";
            case "gan" -> "n/a (no density)";
            default -> fmt(number(sub.get(m.key()), "test_bits_per_dim"), "%.3f");
        };
    }

    private static String lossUnit(Model m) {
        return switch (m.key()) {
            case "vae" -> "nats/digit";
            case "realnvp" -> "bits/dim";
            case "ddpm" -> "(ε-MSE)";
            default -> "";
        };
    }

    private static void row(StringBuilder sb, String label, java.util.function.Function<Model, String> f) {
        sb.append("| ").append(label).append(" | ")
                .append(String.join(" | ", MODELS.stream().map(f).toList())).append(" |\n");
    }
}
