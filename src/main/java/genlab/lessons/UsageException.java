package genlab.lessons;

/** A command-line mistake, explained in one line that names the option; the run exits with code 2. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
