package genlab.lessons;

/**
 * A lesson stopped for a reason the person running it can act on, explained in one line: a refused
 * {@code --install}, a training that diverged ("step 412: loss is NaN"), an input file that cannot
 * be used. {@link Cli} prints {@code genlab NAME: MESSAGE} and exits with code 1, without a stack
 * trace (a stack trace is kept for programming errors; {@code GENLAB_DEBUG=1} shows it for these too).
 *
 * <p>Mistakes on the command line itself are {@link UsageException}s (exit code 2).
 */
public final class LessonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LessonException(String message) {
        super(message);
    }

    public LessonException(String message, Throwable cause) {
        super(message, cause);
    }
}
