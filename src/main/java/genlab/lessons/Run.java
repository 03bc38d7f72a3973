package genlab.lessons;

import genlab.kernels.Kernels;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * What a lesson gets to work with: its parsed options (typed getters), the random generator
 * seeded from {@code --seed}, the kernels chosen by {@code --backend}, the output directory, and
 * helpers that report files and write {@code metrics.json}.
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

    /** Creates the output directory. {@code interactive}: stdout is a terminal (progress bars redraw). */
    public Run(Lesson lesson, Options spec, Map<String, Object> values, Kernels kernels, PrintStream out,
               boolean interactive) {
        this.lesson = lesson;
        this.spec = spec;
        this.values = Map.copyOf(values);
        this.kernels = kernels;
        this.out = out;
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
        // A valid command line that repeats this run: flags that are off are left out.
        StringBuilder sb = new StringBuilder("options:");
        for (Option o : spec.all()) {
            if (o.kind() != Option.Kind.FLAG) sb.append(" --").append(o.name()).append(' ').append(values.get(o.name()));
            else if (flag(o.name())) sb.append(" --").append(o.name());
        }
        out.println(sb);
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
        out.println("wrote " + path);
        return path;
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
        return wrote(p);
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
