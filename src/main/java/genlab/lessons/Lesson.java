package genlab.lessons;

import genlab.viz.ReportPage;
import java.util.List;

/**
 * One runnable lesson: {@code lessons/run NAME [options]}.
 *
 * <p>A lesson declares its options in {@link #options()} and does its work in {@link #run(Run)},
 * reading options, the seeded random generator and the output directory from the {@link Run}.
 * It prints through {@link Run#out()} and reports each file with {@link Run#wrote}.
 * Lessons are registered by hand in {@link Main#LESSONS}.
 */
public interface Lesson {
    /** The name on the command line, lower-case: {@code autograd}, {@code vae}. */
    String name();

    /** One line for the lesson list and the top of {@code --help}. */
    String summary();

    /** The options accepted: {@link Options#common()} plus the lesson's own. */
    default Options options() {
        return Options.common();
    }

    /**
     * Runs the lesson. Exceptions end the run with exit code 1: a {@link LessonException} (or a
     * data, format or I/O error) with its one-line message, anything else with a stack trace.
     */
    void run(Run run) throws Exception;

    /**
     * The ranges the lesson's page says to expect for its {@code metrics.json} values, shown in
     * {@code report.html} beside the values (within or outside). Ranges describe the run's settings
     * as given in {@code run} (e.g. none, or looser ones, under {@code --quick}). None by default.
     */
    default List<ReportPage.Expected> expected(Run run) {
        return List.of();
    }

    /** False for a lesson that writes its own {@code report.html} (the side-by-side {@code report}). */
    default boolean writesReport() {
        return true;
    }
}
