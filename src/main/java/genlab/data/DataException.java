package genlab.data;

/**
 * A data file or folder could not be read: missing, corrupt, truncated or of the wrong shape.
 *
 * <p>Unchecked, because a lesson can do nothing useful about a broken data set except stop and
 * tell the person. The message always starts with the file (or folder) and then says the problem,
 * e.g. {@code datasets/mnist/t10k-images-idx3-ubyte.gz: truncated: header promises 10000x28x28 =
 * 7840000 bytes, found 1234}.
 */
public final class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
