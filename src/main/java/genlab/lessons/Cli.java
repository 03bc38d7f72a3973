package genlab.lessons;

import genlab.kernels.Backend;
import genlab.kernels.Kernels;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The command line, returning an exit code instead of exiting so tests can call it:
 * 0 success (or help), 1 the lesson failed, 2 a usage mistake (one line on stderr naming it; also
 * when a lesson throws {@link UsageException}, e.g. for an input file it cannot use).
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
        try (Backend.Scope scope = Backend.use(kernels)) {
            Run run = new Run(lesson, spec, values, kernels, out, terminal);
            run.printHeader();
            lesson.run(run);
            out.flush();
            return OK;
        } catch (UsageException e) {
            out.flush();
            err.println("genlab " + lesson.name() + ": " + e.getMessage());
            return USAGE;
        } catch (Exception e) {
            out.flush();
            err.println("genlab " + lesson.name() + ": failed: " + e);
            e.printStackTrace(err);
            return FAILED;
        }
    }
}
