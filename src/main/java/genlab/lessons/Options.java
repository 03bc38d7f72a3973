package genlab.lessons;

import genlab.kernels.Backend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options a lesson accepts, declared in a few lines:
 * <pre>{@code
 * public Options options() {
 *     return Options.common().steps(100, 10).lr(0.05)
 *             .choice("loss", List.of("bce", "mse"), "bce", "reconstruction loss");
 * }
 * }</pre>
 *
 * <p>Every lesson accepts the common options {@code --out DIR} (default {@code out/NAME}),
 * {@code --seed N}, {@code --backend NAME}, {@code --threads N}, {@code --quick} and {@code --help}. The training-length
 * and size options ({@code --steps} or {@code --epochs}, {@code --batch-size}, {@code --lr},
 * {@code --samples}) exist only where a lesson declares them, so {@code --epochs} given to a lesson
 * that trains by steps is an unknown option rather than silently ignored.
 *
 * <p>A fluent builder: each method adds to (and returns) this object; {@link Lesson#options()}
 * builds a fresh one per call.
 */
public final class Options {
    /** Stands for the lesson's name in a default, e.g. {@code out/{lesson}}. */
    static final String LESSON = "{lesson}";

    private final Map<String, Option> byName = new LinkedHashMap<>();
    private String operands;
    private String operandsHelp;

    private Options() {}

    /** The options every lesson accepts; the seed defaults to 0. */
    public static Options common() {
        return new Options()
                .add(new Option("out", Option.Kind.DIR, "out/" + LESSON, null, List.of(),
                        "directory for figures and metrics.json (relative to the working directory)"))
                .add(new Option("seed", Option.Kind.NATURAL, "0", null, List.of(),
                        "seed of the run's random generator: same seed and backend, same numbers"))
                .add(new Option("backend", Option.Kind.CHOICE, "auto", null, Backend.NAMES,
                        "which kernels compute tensor arithmetic"))
                .add(new Option("threads", Option.Kind.COUNT, String.valueOf(Runtime.getRuntime().availableProcessors()),
                        null, List.of(), "threads the cpu kernels use (default: the available cores)"))
                .add(new Option("quick", Option.Kind.FLAG, null, null, List.of(),
                        "a short run with the quick defaults (for a first look and for tests)"));
    }

    /** Replaces the seed's default. */
    public Options seed(long defaultSeed) {
        return replace("seed", String.valueOf(defaultSeed), null);
    }

    /** {@code --steps N}: training length in optimiser steps, with its default under {@code --quick}. */
    public Options steps(int defaultSteps, int quickSteps) {
        return count("steps", defaultSteps, quickSteps, "training steps");
    }

    /** {@code --epochs N}: training length in passes over the data, with its default under {@code --quick}. */
    public Options epochs(int defaultEpochs, int quickEpochs) {
        return count("epochs", defaultEpochs, quickEpochs, "passes over the training data");
    }

    /** {@code --batch-size N}. */
    public Options batchSize(int defaultSize) {
        return count("batch-size", defaultSize, "examples per optimiser step");
    }

    /** {@code --lr X}: learning rate. */
    public Options lr(double defaultLr) {
        return positive("lr", defaultLr, "learning rate");
    }

    /** {@code --samples N}: how many images to generate, with its default under {@code --quick}. */
    public Options samples(int defaultSamples, int quickSamples) {
        return count("samples", defaultSamples, quickSamples, "images to generate");
    }

    /** A positive integer option. */
    public Options count(String name, int defaultValue, String help) {
        return add(new Option(name, Option.Kind.COUNT, String.valueOf(defaultValue), null, List.of(), help));
    }

    /** A positive integer option with a different default under {@code --quick}. */
    public Options count(String name, int defaultValue, int quickValue, String help) {
        return add(new Option(name, Option.Kind.COUNT, String.valueOf(defaultValue), String.valueOf(quickValue),
                List.of(), help));
    }

    /** A non-negative integer option. */
    public Options natural(String name, long defaultValue, String help) {
        return add(new Option(name, Option.Kind.NATURAL, String.valueOf(defaultValue), null, List.of(), help));
    }

    /** A positive number option, e.g. {@code --beta 1.0}. */
    public Options positive(String name, double defaultValue, String help) {
        return add(new Option(name, Option.Kind.POSITIVE, String.valueOf(defaultValue), null, List.of(), help));
    }

    /** Any finite number. */
    public Options real(String name, double defaultValue, String help) {
        return add(new Option(name, Option.Kind.REAL, String.valueOf(defaultValue), null, List.of(), help));
    }

    /** One word out of {@code choices}, e.g. {@code --loss bce|mse}. */
    public Options choice(String name, List<String> choices, String defaultValue, String help) {
        return add(new Option(name, Option.Kind.CHOICE, defaultValue, null, choices, help));
    }

    /** Free text. */
    public Options text(String name, String defaultValue, String help) {
        return add(new Option(name, Option.Kind.TEXT, defaultValue, null, List.of(), help));
    }

    /** A flag: {@code --name} alone, no value. */
    public Options flag(String name, String help) {
        return add(new Option(name, Option.Kind.FLAG, null, null, List.of(), help));
    }

    /**
     * Arguments that are not options, e.g. the folders of {@code lessons/run report DIR...}:
     * {@code metavar} names them in the usage line. Lessons that do not declare them refuse any.
     */
    public Options operands(String metavar, String help) {
        this.operands = metavar;
        this.operandsHelp = help;
        return this;
    }

    /** The operands' placeholder ({@code DIR...}), or null when the lesson takes none. */
    public String operands() {
        return operands;
    }

    /** The operands' one-line description, or null. */
    public String operandsHelp() {
        return operandsHelp;
    }

    /** Adds an option; declaring the same name twice is a programming error. */
    public Options add(Option option) {
        if (option.name().equals("help") || byName.putIfAbsent(option.name(), option) != null) {
            throw new IllegalStateException("option --" + option.name() + " declared twice");
        }
        return this;
    }

    /** The declared options, in declaration order (common ones first). */
    public List<Option> all() {
        return new ArrayList<>(byName.values());
    }

    /** The option called {@code name}, or {@code null}. */
    public Option get(String name) {
        return byName.get(name);
    }

    /** The default of {@code option} for a lesson, with {@code {lesson}} filled in. */
    static String defaultFor(Option option, String lesson, boolean quick) {
        String d = option.defaultFor(quick);
        return d == null ? null : d.replace(LESSON, lesson);
    }

    private Options replace(String name, String defaultValue, String quickValue) {
        Option o = byName.get(name);
        byName.put(name, new Option(name, o.kind(), defaultValue, quickValue, o.choices(), o.help()));
        return this;
    }
}
