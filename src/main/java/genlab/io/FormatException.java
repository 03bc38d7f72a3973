package genlab.io;

import java.nio.file.Path;

/**
 * Thrown when a file or string does not hold what its format promises: a bad magic number, a
 * header that does not parse, a dtype or shape this library cannot read, offsets that overlap,
 * data that ends too soon, or a value that the format cannot represent (NaN in JSON).
 *
 * <p>The message always starts with the thing that was being read or written (a file path, or
 * {@code "json"} for a string) followed by {@code ": "} and the problem, with the values found and
 * the values expected, for example
 * {@code ckpt.safetensors: tensor 'D.0.weight' has shape (512, 784) in the file but (256, 784) in
 * the model}. It is unchecked because bad input is a user error to be read, not a condition a
 * caller can usually recover from.
 *
 * <p>Operating-system failures (file not found, disk full, permission denied) are not format
 * errors; they are reported as {@link java.io.UncheckedIOException}, also naming the file.
 */
public class FormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FormatException(String message) {
        super(message);
    }

    public FormatException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code file + ": " + problem}. */
    static FormatException of(Path file, String problem) {
        return new FormatException(file + ": " + problem);
    }
}
