package genlab.nn;

/** {@link BatchNorm} for (N, C) inputs (after a Linear layer). */
public final class BatchNorm1d extends BatchNorm {
    public BatchNorm1d(int channels) {
        this(channels, 1e-5f, 0.1f);
    }

    public BatchNorm1d(int channels, float eps, float momentum) {
        super(channels, 2, eps, momentum);
    }
}
