package genlab.lessons;

import genlab.io.Json;
import genlab.kernels.Kernels;
import genlab.viz.ReportPage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * What a lesson gets to work with: its parsed options (typed getters), the random generator
 * seeded from {@code --seed}, the kernels chosen by {@code --backend}, the output directory, and
 * helpers that report files and write {@code metrics.json}.
 *
 * <p>It also remembers what the run printed, every file reported with {@link #wrote} and the
 * metrics, so that {@link Cli} can write {@code report.html} when the lesson ends ({@link #writeReport}).
 *
 * <p>Asking for an option the lesson did not declare is a programming error
 * ({@link IllegalStateException}), not a silent default.
 */
public final class Run {
    private final Lesson lesson;
    private final Options spec;
    private final Map<String, Object> values;
    private final Kernels kernels;
    private final PrintStream out;
    private final boolean interactive;
    private final RandomGenerator random;
    private final Path outDir;
    private final LogCapture log;
    private final Set<Path> written = new LinkedHashSet<>();
    private final Instant started = Instant.now();
    private final long startNanos = System.nanoTime();
    private Map<String, Object> metricsWritten = Map.of();

    /** Creates the output directory. {@code interactive}: stdout is a terminal (progress bars redraw). */
    public Run(Lesson lesson, Options spec, Map<String, Object> values, Kernels kernels, PrintStream out,
               boolean interactive) {
        this.lesson = lesson;
        this.spec = spec;
        this.values = Map.copyOf(values);
        this.kernels = kernels;
        // Everything printed goes through to `out` and is kept for report.html.
        this.log = new LogCapture(out);
        this.out = new PrintStream(log, true, StandardCharsets.UTF_8);
        this.interactive = interactive;
        this.random = new SplittableRandom(seed());
        this.outDir = dir("out");
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output directory " + outDir + ": " + e.getMessage(), e);
        }
    }

    /** The lesson's name. */
    public String lesson() {
        return lesson.name();
    }

    /** Prints the lesson name, seed, backend and device, and every option's value. */
    void printHeader() {
        out.println("genlab " + lesson.name() + ": " + lesson.summary());
        out.println("seed: " + seed());
        out.println("backend: " + kernels.name() + " on " + kernels.device());
        out.println("options:" + optionsLine());
    }

    /** A valid command line that repeats this run, with a leading space: flags that are off are left out. */
    String optionsLine() {
        StringBuilder sb = new StringBuilder();
        for (Option o : spec.all()) {
            if (o.kind() != Option.Kind.FLAG) sb.append(" --").append(o.name()).append(' ').append(values.get(o.name()));
            else if (flag(o.name())) sb.append(" --").append(o.name());
        }
        if (spec.operands() != null) for (String a : operands()) sb.append(' ').append(a);
        return sb.toString();
    }

    // ---- options ----

    /** An integer option ({@code count} or {@code natural}). */
    public int integer(String name) {
        Object v = value(name, Option.Kind.COUNT, Option.Kind.NATURAL);
        return Math.toIntExact(((Number) v).longValue());
    }

    /** A number option ({@code positive} or {@code real}). */
    public double number(String name) {
        return (Double) value(name, Option.Kind.POSITIVE, Option.Kind.REAL);
    }

    /** A choice or text option. */
    public String text(String name) {
        return (String) value(name, Option.Kind.CHOICE, Option.Kind.TEXT);
    }

    /** A directory option. */
    public Path dir(String name) {
        return Path.of((String) value(name, Option.Kind.DIR, Option.Kind.DIR));
    }

    /** A flag. */
    public boolean flag(String name) {
        return (Boolean) value(name, Option.Kind.FLAG, Option.Kind.FLAG);
    }

    /** The arguments that are not options ({@link Options#operands}), in order; empty if none were given. */
    @SuppressWarnings("unchecked")
    public List<String> operands() {
        if (spec.operands() == null) {
            throw new IllegalStateException("lesson " + lesson.name() + " asked for operands but did not declare them");
        }
        return (List<String>) values.get(ArgParser.OPERANDS);
    }

    /** {@code --seed}. */
    public long seed() {
        return (Long) value("seed", Option.Kind.NATURAL, Option.Kind.NATURAL);
    }

    /** {@code --quick}. */
    public boolean quick() {
        return flag("quick");
    }

    /** {@code --steps} (already the quick default under {@code --quick}). */
    public int steps() {
        return integer("steps");
    }

    /** {@code --epochs} (already the quick default under {@code --quick}). */
    public int epochs() {
        return integer("epochs");
    }

    /** {@code --batch-size}. */
    public int batchSize() {
        return integer("batch-size");
    }

    /** {@code --lr}. */
    public double lr() {
        return number("lr");
    }

    /** {@code --samples}. */
    public int samples() {
        return integer("samples");
    }

    /** {@code --threads}: how many threads the cpu kernels use. */
    public int threads() {
        return integer("threads");
    }

    /** The run's one random generator, seeded with {@code --seed}; draw everything from it in a fixed order. */
    public RandomGenerator random() {
        return random;
    }

    /** The kernels selected by {@code --backend} (already installed as current). */
    public Kernels kernels() {
        return kernels;
    }

    // ---- output ----

    /** Where the lesson prints (stdout in a real run). */
    public PrintStream out() {
        return out;
    }

    /** The output directory ({@code --out}), created. */
    public Path outDir() {
        return outDir;
    }

    /** A path in the output directory, e.g. {@code file("loss.png")}; parent directories are created. */
    public Path file(String name) {
        Path p = outDir.resolve(name);
        try {
            Files.createDirectories(p.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Reports a file the lesson has written: prints {@code wrote out/NAME/loss.png}; returns {@code path}. */
    public Path wrote(Path path) {
        written.add(path);
        out.println("wrote " + path);
        return path;
    }

    /**
     * Stops a training whose loss has become NaN or infinite, with one line naming the step and the
     * value ({@link LessonException}), instead of letting it go on silently; returns {@code loss}.
     */
    public double checkLoss(String what, long step, double loss) {
        if (!Double.isFinite(loss)) {
            throw new LessonException(what + " is " + loss + " at step " + step
                    + "; training stopped (try a lower --lr, or another --seed)");
        }
        return loss;
    }

    /** A progress bar over {@code total} items, redrawn in place on a terminal. */
    public Progress progress(String label, long total) {
        return new Progress(label, total, out, interactive);
    }

    /**
     * Writes {@code metrics.json}: {@code lesson}, {@code seed} and {@code backend}, then
     * {@code metrics} in its iteration order (a {@code LinkedHashMap} keeps yours; other maps are
     * sorted). Keys must be snake_case ({@code final_loss}); anything else is refused.
     */
    public Path metrics(Map<String, ?> metrics) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("lesson", lesson.name());
        all.put("seed", seed());
        all.put("backend", kernels.name());
        for (String key : metrics.keySet()) {
            if (all.containsKey(key)) throw new IllegalArgumentException("metrics key '" + key + "' is reserved");
        }
        all.putAll(metrics instanceof LinkedHashMap || metrics instanceof SortedMap ? metrics : new TreeMap<>(metrics));
        Path p = file("metrics.json");
        MetricsJson.write(p, all); // checks every key before anything is written
        if (Json.readFile(p) instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), v));
            metricsWritten = copy; // as written: NaN already null
        }
        return wrote(p);
    }

    /** The files reported with {@link #wrote} so far, in order. */
    public List<Path> writtenFiles() {
        return List.copyOf(written);
    }

    /** What the run has printed so far (progress bars in their last state). */
    String printed() {
        return log.text();
    }

    /**
     * Writes {@code report.html} in the output folder ({@link ReportPage}): the options, backend and
     * device, every figure reported with {@link #wrote}, {@code metrics.json} beside the lesson's
     * {@link Lesson#expected} ranges, and what the run printed. {@code failure}: null for a run that
     * finished, else the one line it stopped with.
     */
    Path writeReport(String failure) {
        Path page = outDir.resolve("report.html");
        Path base = outDir.toAbsolutePath().normalize();
        List<String> files = new ArrayList<>();
        for (Path p : written) {
            Path abs = p.toAbsolutePath().normalize();
            if (abs.equals(base.resolve("report.html"))) continue;
            files.add(abs.startsWith(base) ? base.relativize(abs).toString().replace('\\', '/') : abs.toString());
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("command", "lessons/run " + lesson.name() + optionsLine());
        facts.put("seed", String.valueOf(seed()));
        facts.put("backend", kernels.name() + " on " + kernels.device());
        facts.put("quick", String.valueOf(quick()));
        facts.put("started", started.truncatedTo(ChronoUnit.SECONDS).toString());
        facts.put("seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9));
        facts.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        facts.put("folder", outDir.toString());
        List<ReportPage.Expected> expected = lesson.expected(this);
        ReportPage.RunInfo info = new ReportPage.RunInfo(lesson.name(), lesson.summary(), failure, facts, files,
                metricsWritten, expected == null ? List.of() : expected, ReportPage.tail(printed()));
        ReportPage.write(page, ReportPage.page(info));
        return wrote(page);
    }

    private Object value(String name, Option.Kind a, Option.Kind b) {
        Option o = spec.get(name);
        if (o == null) {
            throw new IllegalStateException("lesson " + lesson.name() + " asked for --" + name + " but did not declare it");
        }
        if (o.kind() != a && o.kind() != b) {
            throw new IllegalStateException("--" + name + " is a " + o.kind() + " option, not " + a);
        }
        return values.get(name);
    }
}
