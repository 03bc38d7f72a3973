package genlab.lessons;

import genlab.data.DataException;
import genlab.io.FormatException;
import genlab.kernels.Backend;
import genlab.kernels.Kernels;
import genlab.metrics.EvaluatorException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The command line, returning an exit code instead of exiting so tests can call it:
 * 0 success (or help), 1 the lesson failed, 2 a usage mistake (one line on stderr naming it; also
 * when a lesson throws {@link UsageException}, e.g. for an input file it cannot use).
 *
 * <p>A failure that is the user's to fix ({@link LessonException}, a missing or corrupt data file,
 * an unusable checkpoint, a file that cannot be read or written) is one line on stderr,
 * {@code genlab NAME: MESSAGE}; only programming errors print a stack trace (and every failure
 * does with the environment variable {@code GENLAB_DEBUG=1}).
 *
 * <p>After a lesson finishes or fails, its {@code report.html} is written ({@link Run#writeReport}).
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private Cli() {}

    /** {@code args[0]} names the lesson; no argument (or {@code --help}) lists the lessons. */
    public static int run(List<Lesson> lessons, String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            out.print(listing(lessons));
            return OK;
        }
        for (Lesson lesson : lessons) {
            if (lesson.name().equals(args[0])) {
                boolean terminal = out == System.out && System.console() != null;
                return runLesson(lesson, Arrays.copyOfRange(args, 1, args.length), out, err, terminal);
            }
        }
        err.println("genlab: unknown lesson '" + args[0] + "' (run lessons/run with no arguments to list them)");
        return USAGE;
    }

    /** The lesson list: one line per lesson with its summary. */
    public static String listing(List<Lesson> lessons) {
        StringBuilder sb = new StringBuilder("usage: lessons/run LESSON [options]   (lessons/run LESSON --help for its options)\n\nlessons:\n");
        int width = lessons.stream().mapToInt(l -> l.name().length()).max().orElse(0);
        for (Lesson l : lessons) {
            sb.append(String.format("  %-" + width + "s  %s%n", l.name(), l.summary()));
        }
        return sb.toString();
    }

    /** Parses {@code args} for {@code lesson}, selects the backend, and runs it. */
    public static int runLesson(Lesson lesson, String[] args, PrintStream out, PrintStream err, boolean terminal) {
        Options spec = lesson.options();
        if (ArgParser.wantsHelp(args)) {
            out.print(ArgParser.usage(lesson, spec));
            return OK;
        }
        Map<String, Object> values;
        Kernels kernels;
        try {
            values = ArgParser.parse(spec, lesson.name(), args);
            try {
                kernels = Backend.select((String) values.get("backend"), (Integer) values.get("threads"));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        } catch (UsageException e) {
            err.println("genlab " + lesson.name() + ": " + e.getMessage());
            return USAGE;
        }
        Run run = null;
        try (Backend.Scope scope = Backend.use(kernels)) {
            run = new Run(lesson, spec, values, kernels, out, terminal);
            run.printHeader();
            lesson.run(run);
            report(lesson, run, null, err);
            out.flush();
            return OK;
        } catch (UsageException e) {
            out.flush();
            err.println("genlab " + lesson.name() + ": " + e.getMessage());
            return USAGE;
        } catch (Exception e) {
            String line = userFault(e);
            if (run != null) report(lesson, run, line != null ? line : String.valueOf(e), err);
            out.flush();
            if (line != null) {
                err.println("genlab " + lesson.name() + ": " + line);
                if (debug()) e.printStackTrace(err);
            } else {
                err.println("genlab " + lesson.name() + ": failed: " + e);
                e.printStackTrace(err);
            }
            return FAILED;
        }
    }

    /**
     * The one line for a failure that is the user's to fix, or null for a programming error (which
     * gets its stack trace): the messages of these exceptions already name the file or step.
     */
    static String userFault(Throwable e) {
        if (e instanceof LessonException || e instanceof DataException || e instanceof FormatException
                || e instanceof EvaluatorException) {
            return e.getMessage();
        }
        if (e instanceof UncheckedIOException u) {
            String msg = u.getMessage();
            if (msg != null && !msg.startsWith("java.")) return msg; // ours: "cannot write FILE: why"
            e = u.getCause();
        }
        if (e instanceof IOException io) {
            // java.nio's messages are often only the path (NoSuchFileException "out/x"): say what happened too.
            String name = io.getClass().getSimpleName();
            String what = name.equals("IOException") ? "I/O error"
                    : name.replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
            return what + (io.getMessage() == null ? "" : ": " + io.getMessage());
        }
        return null;
    }

    private static boolean debug() {
        String v = System.getenv("GENLAB_DEBUG");
        return v != null && !v.isEmpty() && !v.equals("0");
    }

    /** Writes report.html; a failure to write it is reported, but does not change the run's exit code. */
    private static void report(Lesson lesson, Run run, String failure, PrintStream err) {
        if (!lesson.writesReport()) return;
        try {
            run.writeReport(failure);
        } catch (RuntimeException e) {
            err.println("genlab " + lesson.name() + ": could not write report.html: " + e.getMessage());
        }
    }
}
