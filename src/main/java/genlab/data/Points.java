package genlab.data;

import genlab.tensor.Tensor;
import java.util.Arrays;

/**
 * N points in the plane, stored as one row-major float array of shape (N, 2):
 * point {@code i} is {@code (xy[2i], xy[2i+1])}. Optionally each point has an int label (the
 * moon, circle or mixture component it came from), else labels is null.
 *
 * <p>The arrays are not copied on construction and {@link #xy()} returns the backing array;
 * {@link #batch}, {@link #subset} and {@link #standardized()} make new arrays.
 */
public final class Points {
    private final float[] xy;
    private final int[] labels;

    /** Unlabelled points; {@code xy} is (N, 2) row-major. */
    public Points(float[] xy) {
        this(xy, null);
    }

    /** {@code xy} is (N, 2) row-major; {@code labels} is (N) or null. */
    public Points(float[] xy, int[] labels) {
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("Points: xy has odd length " + xy.length + ", expected (N, 2)");
        }
        if (labels != null && labels.length != xy.length / 2) {
            throw new IllegalArgumentException("Points: " + xy.length / 2 + " points but " + labels.length + " labels");
        }
        this.xy = xy;
        this.labels = labels;
    }

    /** Number of points N. */
    public int size() {
        return xy.length / 2;
    }

    public float x(int i) {
        return xy[2 * i];
    }

    public float y(int i) {
        return xy[2 * i + 1];
    }

    /** (N, 2) row-major, the backing array. */
    public float[] xy() {
        return xy;
    }

    /** (N) labels, or null when unlabelled (the backing array). */
    public int[] labels() {
        return labels;
    }

    /** All points as a tensor of shape (N, 2) (the data copied). */
    public Tensor tensor() {
        return Tensor.of(xy.clone(), size(), 2); // (N, 2)
    }

    /** The points at {@code indices} as a tensor of shape (B, 2). */
    public Tensor batch(int[] indices) {
        return Tensor.of(subset(indices).xy, indices.length, 2); // (B, 2)
    }

    /** The points at {@code indices}, in that order, with their labels. */
    public Points subset(int[] indices) {
        float[] out = new float[2 * indices.length];                    // (B, 2)
        int[] lab = labels == null ? null : new int[indices.length];    // (B)
        for (int b = 0; b < indices.length; b++) {
            int i = indices[b];
            if (i < 0 || i >= size()) {
                throw new IndexOutOfBoundsException("point index " + i + " outside [0, " + size() + ")");
            }
            out[2 * b] = xy[2 * i];
            out[2 * b + 1] = xy[2 * i + 1];
            if (lab != null) {
                lab[b] = labels[i];
            }
        }
        return new Points(out, lab);
    }

    /** Per-coordinate mean {@code (mean x, mean y)}, accumulated in double. */
    public double[] mean() {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < size(); i++) {
            mx += xy[2 * i];
            my += xy[2 * i + 1];
        }
        return new double[] {mx / size(), my / size()};
    }

    /** Per-coordinate population standard deviation {@code sqrt(mean((v - mean)^2))}. */
    public double[] std() {
        double[] m = mean();
        double vx = 0;
        double vy = 0;
        for (int i = 0; i < size(); i++) {
            double dx = xy[2 * i] - m[0];
            double dy = xy[2 * i + 1] - m[1];
            vx += dx * dx;
            vy += dy * dy;
        }
        return new double[] {Math.sqrt(vx / size()), Math.sqrt(vy / size())};
    }

    /**
     * Standardized copy: {@code (v - mean) / std} per coordinate, so each has mean 0 and variance 1
     * (a coordinate with std 0 is only centred). Labels are kept. To map model samples back, use
     * {@code v * std + mean} with this set's {@link #mean()} and {@link #std()}.
     */
    public Points standardized() {
        double[] m = mean();
        double[] s = std();
        float[] out = new float[xy.length]; // (N, 2)
        for (int i = 0; i < size(); i++) {
            for (int k = 0; k < 2; k++) {
                double v = xy[2 * i + k] - m[k];
                out[2 * i + k] = (float) (s[k] > 0 ? v / s[k] : v);
            }
        }
        return new Points(out, labels == null ? null : labels.clone());
    }

    @Override
    public String toString() {
        int show = Math.min(size(), 3);
        return "Points(" + size() + (labels == null ? "" : ", labelled") + ": "
                + Arrays.toString(Arrays.copyOf(xy, 2 * show)) + (size() > show ? " ..." : "") + ")";
    }
}
