package genlab.lessons;

import genlab.metrics.Evaluator;
import genlab.metrics.EvaluatorException;
import genlab.metrics.SampleFile;
import genlab.metrics.SampleScores;
import genlab.tensor.Tensor;
import genlab.viz.ImageGrid;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Scores any file of generated digits with the project's MNIST classifier ({@link Evaluator}):
 * {@code lessons/run evaluate --samples FILE.npy}.
 *
 * <p>The file may come from a lesson ({@code samples.npy}) or from any other program: an
 * {@code .npy} of shape (N, 1, 28, 28) or (N, 784), float32 or float64 in [0, 1], or uint8 0..255
 * ({@link SampleFile}). Each score is printed beside its floor (10,000 real training digits: as good
 * as it gets) and its ceiling (uniform noise), and written to {@code metrics.json} under
 * {@code fld}, {@code is}, {@code kid}, {@code precision}, {@code recall}. The first 64 images
 * are drawn in {@code samples.png}.
 */
public final class EvaluateLesson implements Lesson {
    private static final String NONE = "none";

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "score generated digits (--samples FILE.npy): FLD, IS, KID, precision, recall beside floor and ceiling";
    }

    @Override
    public Options options() {
        return Options.common().text("samples", NONE,
                "the .npy to score: (N, 1, 28, 28) or (N, 784), float32/float64 in [0, 1] or uint8 0..255");
    }

    @Override
    public void run(Run run) throws Exception {
        String name = run.text("samples");
        if (name.equals(NONE)) {
            throw new UsageException("--samples FILE.npy is required: the generated digits to score, shape (N, 1, 28, 28)"
                    + " or (N, 784), values in [0, 1] (e.g. lessons/run evaluate --samples out/vae/samples.npy)");
        }
        Path file = Path.of(name);
        Tensor images;
        Evaluator ev;
        try {
            images = SampleFile.read(file);
            ev = Evaluator.load();
        } catch (IllegalArgumentException | EvaluatorException e) {
            throw new UsageException(e.getMessage());
        }
        int n = images.size(0);
        if (n <= 3) throw new UsageException("samples " + file + ": holds " + n + " images; at least 4 are needed (10,000 to compare with the floor)");
        run.out().printf(Locale.ROOT, "scoring %d images from %s with %s%n", n, file, ev.checkpoint());
        int shown = Math.min(64, n);
        run.wrote(ImageGrid.of(images.data(), shown, 1, 28, 28).columns(8).scale(2).write(run.file("samples.png")));
        long start = System.nanoTime();
        SampleScores s = ev.score(images);
        SampleScores floor = ev.floor(), ceiling = ev.ceiling();
        if (ev.recomputedReference()) {
            run.out().println("(the reference file did not match the checkpoint and was recomputed: "
                    + Evaluator.referenceFileFor(ev.checkpoint()) + ")");
        }
        run.out().printf(Locale.ROOT, "%n%-10s %12s %14s %16s%n", "score", "samples", "floor (real)", "ceiling (noise)");
        row(run, "FLD", s.fld(), floor.fld(), ceiling.fld(), "%12.3f", "lower is better");
        row(run, "IS", s.is(), floor.is(), ceiling.is(), "%12.3f", "higher is better, at most 10");
        row(run, "KID", s.kid(), floor.kid(), ceiling.kid(), "%12.5f", "lower is better");
        row(run, "precision", s.precision(), floor.precision(), ceiling.precision(), "%12.3f", "fidelity, higher is better");
        row(run, "recall", s.recall(), floor.recall(), ceiling.recall(), "%12.3f", "diversity, higher is better");
        if (n < 10_000) {
            run.out().printf(Locale.ROOT, "(the floor and ceiling use 10,000 images; FLD of %d images is biased upwards)%n", n);
        }
        run.out().printf(Locale.ROOT, "scored in %.1f s%n", (System.nanoTime() - start) / 1e9);

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("fld", s.fld());
        metrics.put("is", s.is());
        metrics.put("kid", s.kid());
        metrics.put("precision", s.precision());
        metrics.put("recall", s.recall());
        metrics.put("count", n);
        metrics.put("samples_file", file.toString());
        metrics.put("floor", json(floor));
        metrics.put("ceiling", json(ceiling));
        run.metrics(metrics);
    }

    private static void row(Run run, String name, double v, double floor, double ceiling, String fmt, String note) {
        run.out().printf(Locale.ROOT, "%-10s " + fmt + " " + fmt.replace("12", "14") + " " + fmt.replace("12", "16") + "   %s%n",
                name, v, floor, ceiling, note);
    }

    /** The five scores as a metrics.json object. */
    static Map<String, Object> json(SampleScores s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fld", s.fld());
        m.put("is", s.is());
        m.put("kid", s.kid());
        m.put("precision", s.precision());
        m.put("recall", s.recall());
        return m;
    }
}
