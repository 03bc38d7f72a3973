package genlab.lessons;

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

    /** Runs the lesson. Exceptions end the run with exit code 1. */
    void run(Run run) throws Exception;
}
