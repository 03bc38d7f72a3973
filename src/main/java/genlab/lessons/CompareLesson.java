package genlab.lessons;

import genlab.io.Json;
import genlab.metrics.Evaluator;
import genlab.metrics.EvaluatorException;
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

/**
 * {@code lessons/run compare}: the four families side by side, measured the same way.
 *
 * <p>Runs four lessons as sub-runs in {@code OUT/vae}, {@code OUT/gan}, {@code OUT/realnvp-mnist}
 * and {@code OUT/ddpm}, reads each one's {@code metrics.json} and {@code samples.npy}, and scores
 * the first N samples of every model (N = the smallest count any model wrote) with the same
 * {@link Evaluator}: FLD, IS, KID, precision, recall. Bits/dim are taken from the sub-runs where the
 * model defines a likelihood (RealNVP exactly, DDPM as its variational bound); the MLP VAE is trained
 * with BCE on grey pixels, which is not a likelihood of the 8-bit data, so its bits/dim is "n/a (BCE)".
 *
 * <p>Settings. {@code --quick}: every sub-lesson in its own quick mode. Otherwise (modest, about
 * tens of minutes on one core): vae 3 epochs; gan (improved recipe) 3 epochs; realnvp-mnist at most
 * {@code --realnvp-minutes} of training; ddpm {@code --pretrained} (the shipped checkpoint); each
 * writes {@code --samples} samples.
 *
 * <p>Writes {@code compare.md} (the seed notes' comparison table: qualitative rows beside the measured
 * columns), {@code samples.png} (one row per model) and {@code metrics.json} ({@code vae_fld},
 * {@code gan_fld}, ..., {@code ddpm_recall}, {@code *_bits_per_dim}, {@code *_run_seconds}).
 * Not measured yet: the spread of the loss across seeds, smoothness of latent interpolation, and
 * milliseconds per sample for all but the DDPM (whose sampling time is an upper bound from its
 * render phase).
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

    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String summary() {
        return "VAE, GAN, RealNVP and DDPM side by side: FLD, IS, KID, precision, recall, bits/dim, samples (compare.md)";
    }

    @Override
    public Options options() {
        return Options.common().samples(500, 16)
                .count("epochs", 3, "epochs of the vae and gan sub-runs (not used with --quick)")
                .positive("realnvp-minutes", 5, "training time limit of the realnvp-mnist sub-run (not used with --quick)");
    }

    @Override
    public void run(Run run) throws Exception {
        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, Map<?, ?>> subMetrics = new LinkedHashMap<>();
        Map<String, Tensor> samples = new LinkedHashMap<>();
        for (Model m : MODELS) {
            Path dir = run.file(m.key());
            List<String> args = new ArrayList<>(List.of("--out", dir.toString(), "--seed", String.valueOf(run.seed()),
                    "--backend", run.text("backend"), "--threads", String.valueOf(run.threads())));
            args.addAll(subArgs(run, m));
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
        float[] gridPixels = new float[MODELS.size() * Math.min(n, 16) * 784];
        int cols = Math.min(n, 16);
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
        Double realnvpBpd = number(subMetrics.get("realnvp"), "test_bits_per_dim");
        Double ddpmBpd = number(subMetrics.get("ddpm"), "test_bits_per_dim");
        metrics.put("realnvp_bits_per_dim", realnvpBpd);
        metrics.put("ddpm_bits_per_dim", ddpmBpd);
        Double ddpmRender = number(subMetrics.get("ddpm"), "render_seconds");
        int ddpmCount = samples.get("ddpm").size(0);
        Double ddpmMs = ddpmRender == null ? null : 1000 * ddpmRender / ddpmCount;
        metrics.put("ddpm_ms_per_sample_upper_bound", ddpmMs);
        SampleScores floor = ev.floor(), ceiling = ev.ceiling();
        metrics.put("floor_fld", floor.fld());
        metrics.put("ceiling_fld", ceiling.fld());

        run.wrote(ImageGrid.of(gridPixels, MODELS.size() * cols, 1, 28, 28).columns(cols).scale(2).write(run.file("samples.png")));
        Path md = run.file("compare.md");
        Files.writeString(md, table(run, n, scores, subMetrics, metrics, floor, ceiling, ddpmMs), StandardCharsets.UTF_8);
        run.wrote(md);
        run.metrics(metrics);
    }

    /** The arguments of a model's sub-run: its quick mode, or the modest settings. */
    private static List<String> subArgs(Run run, Model m) {
        boolean quick = run.quick();
        String epochs = String.valueOf(run.integer("epochs"));
        List<String> a = new ArrayList<>(switch (m.key()) {
            case "vae" -> quick ? List.<String>of() : List.of("--epochs", epochs);
            case "gan" -> quick ? List.of("--recipe", "improved") : List.of("--recipe", "improved", "--epochs", epochs);
            case "realnvp" -> quick ? List.<String>of() : List.of("--max-minutes", String.valueOf(run.number("realnvp-minutes")));
            case "ddpm" -> List.of("--pretrained");
            default -> throw new IllegalStateException(m.key());
        });
        if (quick) a.add("--quick");
        else a.addAll(List.of("--samples", String.valueOf(run.samples())));
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
        return v == null ? "n/m" : String.format(Locale.ROOT, pattern, v);
    }

    /** compare.md: the measured columns, then the qualitative rows of the seed notes' table. */
    static String table(Run run, int n, Map<String, SampleScores> scores, Map<String, Map<?, ?>> sub,
                        Map<String, Object> metrics, SampleScores floor, SampleScores ceiling, Double ddpmMs) {
        StringBuilder sb = new StringBuilder();
        sb.append("# VAE, GAN, RealNVP and DDPM compared\n\n");
        sb.append(run.quick() ? "Quick run: every sub-lesson in its `--quick` mode (tiny training, few samples): the numbers show the plumbing, not the models.\n\n"
                : "Modest run: vae and gan " + run.integer("epochs") + " epochs, realnvp-mnist at most "
                        + run.number("realnvp-minutes") + " min of training, ddpm from the shipped checkpoint (--pretrained).\n\n");
        sb.append(String.format(Locale.ROOT, "Every model's first %d samples scored by the same MNIST classifier (genlab.metrics.Evaluator). "
                + "Floor (10,000 real training digits): FLD %.3f; ceiling (uniform noise): FLD %.3f. "
                + "Few samples bias FLD and KID upwards: compare models within one run.%n%n", n, floor.fld(), ceiling.fld()));
        sb.append("## Measured\n\n");
        sb.append("| model | FLD ↓ | IS ↑ | KID ↓ | precision ↑ | recall ↑ | bits/dim ↓ | ms/sample | sub-run s |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Model m : MODELS) {
            SampleScores s = scores.get(m.key());
            String bpd = switch (m.key()) {
                case "vae" -> "n/a (BCE)";
                case "gan" -> "n/a (no density)";
                default -> fmt(number(sub.get(m.key()), "test_bits_per_dim"), "%.3f");
            };
            String ms = m.key().equals("ddpm") ? "≤ " + fmt(ddpmMs, "%.1f") : "n/m";
            sb.append(String.format(Locale.ROOT, "| %s | %.3f | %.2f | %.4f | %.3f | %.3f | %s | %s | %.1f |%n",
                    m.title(), s.fld(), s.is(), s.kid(), s.precision(), s.recall(), bpd, ms,
                    (Double) metrics.get(m.key() + "_run_seconds")));
        }
        sb.append("\nbits/dim: RealNVP's is exact (test digits, dequantised); DDPM's is its variational bound, estimated on a few test digits. "
                + "The VAE here is trained with BCE on grey pixels, a density of no distribution over the 8-bit data, so its loss is not converted to bits/dim. "
                + "ms/sample: the DDPM's is its render phase (sampling plus figures) divided by its samples, an upper bound; the others are not yet timed apart from training. "
                + "Sub-run seconds include training and data loading, on a shared machine.\n\n");
        sb.append("## The seed notes' table\n\n");
        sb.append("| | " + String.join(" | ", MODELS.stream().map(Model::title).toList()) + " |\n");
        sb.append("|---|---|---|---|---|\n");
        row(sb, "how it generates", Model::how);
        row(sb, "image quality", Model::quality);
        row(sb, "training stability", Model::stability);
        row(sb, "training difficulty", Model::difficulty);
        row(sb, "generation speed", Model::speed);
        row(sb, "latent space", Model::latent);
        row(sb, "probabilistic interpretation", Model::probabilistic);
        sb.append("\n## Not measured yet\n\n");
        sb.append("- the spread of the loss across seeds and steps (needs several seeds per model);\n");
        sb.append("- smoothness of latent interpolation;\n");
        sb.append("- milliseconds per sample timed apart from the sub-runs for the VAE, GAN and RealNVP.\n");
        sb.append("\nSamples side by side: `samples.png` (rows: " + String.join(", ", MODELS.stream().map(Model::key).toList()) + ").\n");
        return sb.toString();
    }

    private static void row(StringBuilder sb, String label, java.util.function.Function<Model, String> f) {
        sb.append("| ").append(label).append(" | ")
                .append(String.join(" | ", MODELS.stream().map(f).toList())).append(" |\n");
    }
}
