package genlab.metrics;

/** The classifier checkpoint or its reference file cannot be used; the message says why in one line and what to run. */
public final class EvaluatorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EvaluatorException(String message) {
        super(message);
    }

    public EvaluatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
