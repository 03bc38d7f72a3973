package genlab.nn;

/** {@link BatchNorm} for (N, C, H, W) inputs (after a convolution): statistics over N, H and W. */
public final class BatchNorm2d extends BatchNorm {
    public BatchNorm2d(int channels) {
        this(channels, 1e-5f, 0.1f);
    }

    public BatchNorm2d(int channels, float eps, float momentum) {
        super(channels, 4, eps, momentum);
    }
}
