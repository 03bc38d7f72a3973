package genlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import genlab.kernels.opencl.OpenCl;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliTest {
    /** What {@code --backend auto} (the default) chooses here: OpenCL on a GPU, else the host kernels. */
    private static final String AUTO = OpenCl.probe().gpu().isPresent() ? "opencl" : "cpu";

    @TempDir Path tmp;

    /** A lesson that declares one of each kind of option and records the Run it got. */
    static final class Probe implements Lesson {
        final AtomicReference<Run> got = new AtomicReference<>();

        @Override public String name() { return "probe"; }
        @Override public String summary() { return "a lesson for tests"; }
        @Override public Options options() {
            return Options.common().seed(7).epochs(20, 2).batchSize(64).lr(0.001).samples(64, 16)
                    .positive("beta", 1.0, "KL weight")
                    .real("shift", -0.5, "an offset")
                    .choice("loss", List.of("bce", "mse"), "bce", "reconstruction loss")
                    .choice("toy", List.of("moons", "rings"), "moons", "which 2-D toy")
                    .flag("verbose", "print more");
        }
        @Override public void run(Run run) { got.set(run); }
    }

    record Result(int code, String out, String err) { }

    Result run(Lesson lesson, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.runLesson(lesson, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code lesson} (registered or not) as the command line would. */
    static LessonRunner.Result runLesson(Lesson lesson, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.runLesson(lesson, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new LessonRunner.Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Lesson failing(RuntimeException e) {
        return new Lesson() {
            @Override public String name() { return "oops"; }
            @Override public String summary() { return "fails"; }
            @Override public void run(Run run) { throw e; }
        };
    }

    String out(String name) {
        return tmp.resolve(name).toString();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "--betta 1 => genlab probe: unknown option --betta (try --help)",
        "--epochs ten => genlab probe: --epochs expects a positive integer, got 'ten'",
        "--epochs -3 => genlab probe: --epochs expects a positive integer, got '-3'",
        "--epochs 0 => genlab probe: --epochs expects a positive integer, got '0'",
        "--epochs=2.5 => genlab probe: --epochs expects a positive integer, got '2.5'",
        "--batch-size => genlab probe: --batch-size expects a value (N)",
        "--batch-size --lr 0.1 => genlab probe: --batch-size expects a value (N)",
        "--lr -0.1 => genlab probe: --lr expects a positive number, got '-0.1'",
        "--lr abc => genlab probe: --lr expects a positive number, got 'abc'",
        "--lr NaN => genlab probe: --lr expects a positive number, got 'NaN'",
        "--shift x => genlab probe: --shift expects a number, got 'x'",
        "--seed -1 => genlab probe: --seed expects a non-negative integer, got '-1'",
        "--loss l1 => genlab probe: --loss expects one of bce|mse, got 'l1'",
        "--backend gpu => genlab probe: --backend expects one of auto|reference|cpu|opencl, got 'gpu'",
        "--threads 0 => genlab probe: --threads expects a positive integer, got '0'",
        "--quick=yes => genlab probe: --quick takes no value, got 'yes'",
        "--seed 1 --seed 2 => genlab probe: --seed given twice",
        "--steps 10 => genlab probe: unknown option --steps (try --help)",
        "extra => genlab probe: unexpected argument 'extra' (try --help)",
    })
    void usageErrorsExitTwoWithOneLineNamingTheOption(String args, String message) {
        Probe probe = new Probe();
        Result r = run(probe, (args + " --out " + out("x")).trim().split("\\s+"));
        assertEquals(Cli.USAGE, r.code(), r.err());
        assertEquals(message + System.lineSeparator(), r.err());
        assertEquals("", r.out());
        assertEquals(null, probe.got.get(), "the lesson must not run");
    }

    @Test
    void defaultsAndTypedGetters() {
        Probe probe = new Probe();
        Result r = run(probe, "--out", out("d"));
        assertEquals(Cli.OK, r.code(), r.err());
        Run run = probe.got.get();
        assertEquals(7, run.seed());
        assertEquals(20, run.epochs());
        assertEquals(64, run.batchSize());
        assertEquals(0.001, run.lr());
        assertEquals(64, run.samples());
        assertEquals(1.0, run.number("beta"));
        assertEquals(-0.5, run.number("shift"));
        assertEquals("bce", run.text("loss"));
        assertFalse(run.flag("verbose"));
        assertFalse(run.quick());
        assertEquals(AUTO, run.kernels().name(), "auto is OpenCL on a GPU, else the cpu kernels");
        assertEquals(Runtime.getRuntime().availableProcessors(), run.threads());
        assertTrue(java.nio.file.Files.isDirectory(run.outDir()));
    }

    @Test
    void bothSpellingsAndQuickDefaults() {
        Probe probe = new Probe();
        Result r = run(probe, "--out=" + out("q"), "--quick", "--lr=0.5", "--loss", "mse", "--seed=3", "--verbose",
                "--shift", "-2", "--samples", "9");
        assertEquals(Cli.OK, r.code(), r.err());
        Run run = probe.got.get();
        assertEquals(2, run.epochs(), "quick default");
        assertEquals(9, run.samples(), "given beats the quick default");
        assertEquals(0.5, run.lr());
        assertEquals("mse", run.text("loss"));
        assertEquals(3, run.seed());
        assertEquals(-2.0, run.number("shift"), "negative numbers are values, not options");
        assertTrue(run.flag("verbose"));
        assertTrue(run.quick());
        assertEquals(Path.of(out("q")), run.outDir());
    }

    @Test
    void headerNamesLessonSeedBackendAndEveryOption() {
        Result r = run(new Probe(), "--out", out("h"), "--quick");
        String[] lines = r.out().split("\\R");
        assertEquals("genlab probe: a lesson for tests", lines[0]);
        assertEquals("seed: 7", lines[1]);
        assertTrue(lines[2].startsWith("backend: " + AUTO + " on "), lines[2]);
        assertEquals("options: --out " + out("h") + " --seed 7 --backend auto --threads "
                + Runtime.getRuntime().availableProcessors() + " --quick --epochs 2 --batch-size 64"
                + " --lr 0.001 --samples 16 --beta 1.0 --shift -0.5 --loss bce --toy moons", lines[3]);
    }

    @Test
    void helpListsEveryOptionWithDefaultAndExitsZero() {
        Probe probe = new Probe();
        Result r = run(probe, "--epochs", "ten", "--help");
        assertEquals(Cli.OK, r.code());
        assertEquals(null, probe.got.get());
        String help = r.out();
        assertTrue(help.startsWith("usage: lessons/run probe [options]"), help);
        for (Option o : probe.options().all()) {
            assertTrue(help.contains("--" + o.name()), o.name());
            assertTrue(help.contains(o.help()), o.name());
        }
        assertTrue(help.contains("(default out/probe)"), help);
        assertTrue(help.contains("--epochs N"), help);
        assertTrue(help.contains("(default 20; with --quick 2)"), help);
        assertTrue(help.contains("--loss bce|mse"), help);
        assertTrue(help.contains("--help"), help);
    }

    @Test
    void failingLessonExitsOne() {
        Lesson boom = new Lesson() {
            @Override public String name() { return "boom"; }
            @Override public String summary() { return "fails"; }
            @Override public void run(Run run) { throw new IllegalStateException("kaputt"); }
        };
        Result r = run(boom, "--out", out("b"));
        assertEquals(Cli.FAILED, r.code());
        assertTrue(r.err().startsWith("genlab boom: failed: java.lang.IllegalStateException: kaputt"), r.err());
    }

    @Test
    void userFaultsAreOneLineWithoutStackTrace() {
        String[][] cases = {
            {"lesson", "genlab oops: step 412: loss is NaN (lower --lr)"},
            {"data", "genlab oops: datasets/mnist/x.gz: truncated"},
            {"format", "genlab oops: ckpt.safetensors: tensor 'w' has shape (2) in the file but (3) in the model"},
            {"io", "genlab oops: cannot write out/x.png: No space left on device"},
            {"nio", "genlab oops: no such file: out/missing.txt"},
            {"evaluator", "genlab oops: classifier checkpoint lessons/checkpoints/classifier.safetensors not found"},
        };
        for (String[] c : cases) {
            String msg = c[1].substring("genlab oops: ".length());
            RuntimeException e = switch (c[0]) {
                case "lesson" -> new LessonException(msg);
                case "data" -> new genlab.data.DataException(msg);
                case "format" -> new genlab.io.FormatException(msg);
                case "io" -> new java.io.UncheckedIOException(msg, new java.io.IOException("No space left on device"));
                case "nio" -> new java.io.UncheckedIOException(new java.nio.file.NoSuchFileException("out/missing.txt"));
                default -> new genlab.metrics.EvaluatorException(msg);
            };
            LessonRunner.Result r = runLesson(failing(e), "--out", out("f" + c[0]));
            assertEquals(Cli.FAILED, r.code(), c[0]);
            assertEquals(c[1] + System.lineSeparator(), r.err(), c[0]);
        }
    }

    @Test
    void aNaNLossStopsTheRunNamingTheStep() {
        Lesson diverging = new Lesson() {
            @Override public String name() { return "nan"; }
            @Override public String summary() { return "diverges"; }
            @Override public void run(Run run) {
                run.checkLoss("loss", 1, 0.5);
                run.checkLoss("loss", 2, Double.NaN);
                throw new AssertionError("not reached");
            }
        };
        LessonRunner.Result r = runLesson(diverging, "--out", out("nan"));
        assertEquals(Cli.FAILED, r.code());
        assertEquals("genlab nan: loss is NaN at step 2; training stopped (try a lower --lr, or another --seed)"
                + System.lineSeparator(), r.err());
    }

    @Test
    void reportHtmlOnSuccessAndFailureButNotOnUsageErrors() throws Exception {
        assertEquals(Cli.OK, run(new Probe(), "--out", out("ok")).code());
        String ok = java.nio.file.Files.readString(tmp.resolve("ok/report.html"));
        assertTrue(ok.contains("<p class=\"ok\">finished</p>"), ok);
        assertTrue(ok.contains("lessons/run probe --out " + out("ok") + " --seed 7"), ok);

        LessonRunner.Result r = runLesson(failing(new LessonException("diverged at step 3")), "--out", out("bad"));
        assertEquals(Cli.FAILED, r.code());
        String bad = java.nio.file.Files.readString(tmp.resolve("bad/report.html"));
        assertTrue(bad.contains("failed: diverged at step 3"), bad);

        Lesson usage = new Lesson() {
            @Override public String name() { return "u"; }
            @Override public String summary() { return "usage error inside"; }
            @Override public void run(Run run) throws UsageException { throw new UsageException("--samples is required"); }
        };
        assertEquals(Cli.USAGE, runLesson(usage, "--out", out("usage")).code());
        assertFalse(java.nio.file.Files.exists(tmp.resolve("usage/report.html")));
    }

    @Test
    void undeclaredOptionIsAProgrammingError() {
        Probe probe = new Probe();
        run(probe, "--out", out("u"));
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> probe.got.get().steps());
        assertTrue(e.getMessage().contains("--steps"), e.getMessage());
    }

    @Test
    void declaringAnOptionTwiceFails() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Options.common().lr(0.1).lr(0.2));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Options.common().count("batchSize", 1, "camelCase names are refused"));
    }
}
