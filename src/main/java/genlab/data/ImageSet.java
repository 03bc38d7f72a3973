package genlab.data;

import genlab.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * n images of one size (channels x height x width), pixels as floats in [0, 1], with an int label
 * per image (-1 when unlabelled) and the class names the labels index.
 *
 * <p>The pixels are one row-major array of shape (N, C, H, W): image {@code i}, channel {@code c},
 * row {@code y}, column {@code x} is at {@code ((i * C + c) * H + y) * W + x}. The arrays are not
 * copied on construction and {@link #pixels()} / {@link #labels()} return them as they are, so
 * callers that mutate them change the set; {@link #batch} and {@link #subset} copy.
 */
public final class ImageSet {
    private final int channels;
    private final int height;
    private final int width;
    private final float[] pixels;
    private final int[] labels;
    private final List<String> classNames;

    /**
     * @param pixels     (N, C, H, W) row-major, values in [0, 1]
     * @param labels     (N), each in [0, classNames.size()) or -1 for unlabelled
     * @param classNames names of the labels, index = label (empty when unlabelled)
     */
    public ImageSet(int channels, int height, int width, float[] pixels, int[] labels, List<String> classNames) {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("ImageSet: bad image size " + channels + "x" + height + "x" + width);
        }
        long per = (long) channels * height * width;
        if (pixels.length % per != 0 || pixels.length / per != labels.length) {
            throw new IllegalArgumentException("ImageSet: " + pixels.length + " pixels and " + labels.length
                    + " labels do not make images of " + channels + "x" + height + "x" + width);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < -1 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("ImageSet: label " + labels[i] + " of image " + i
                        + " is outside [-1, " + classNames.size() + ")");
            }
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.pixels = pixels;
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
    }

    /** Number of images N. */
    public int size() {
        return labels.length;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Floats per image, C * H * W. */
    public int imageSize() {
        return channels * height * width;
    }

    /** All pixels, (N, C, H, W) row-major (the backing array, not a copy). */
    public float[] pixels() {
        return pixels;
    }

    /** All labels, (N), -1 for unlabelled (the backing array, not a copy). */
    public int[] labels() {
        return labels;
    }

    public int label(int i) {
        return labels[i];
    }

    /** Label names, index = label; empty for an unlabelled set. */
    public List<String> classNames() {
        return classNames;
    }

    /** Number of images of each label, (classNames.size()); unlabelled images are not counted. */
    public int[] labelCounts() {
        int[] counts = new int[classNames.size()];
        for (int l : labels) {
            if (l >= 0) {
                counts[l]++;
            }
        }
        return counts;
    }

    /** The images at {@code indices}, in that order, as a new set (pixels copied). */
    public ImageSet subset(int[] indices) {
        int per = imageSize();
        float[] p = new float[indices.length * per]; // (B, C, H, W)
        int[] l = new int[indices.length];           // (B)
        for (int b = 0; b < indices.length; b++) {
            int i = checkIndex(indices[b]);
            System.arraycopy(pixels, i * per, p, b * per, per);
            l[b] = labels[i];
        }
        return new ImageSet(channels, height, width, p, l, classNames);
    }

    /** The first {@code n} images (all of them when n >= size()). */
    public ImageSet first(int n) {
        int[] idx = new int[Math.min(Math.max(n, 0), size())];
        Arrays.setAll(idx, i -> i);
        return subset(idx);
    }

    /** The images at {@code indices} as a tensor of shape (B, C, H, W). */
    public Tensor batch(int[] indices) {
        return Tensor.of(gather(indices), indices.length, channels, height, width); // (B, C, H, W)
    }

    /** The images at {@code indices} flattened, as a tensor of shape (B, C*H*W), for MLPs. */
    public Tensor batchFlat(int[] indices) {
        return Tensor.of(gather(indices), indices.length, imageSize()); // (B, C*H*W)
    }

    /** The labels at {@code indices}, (B). */
    public int[] labels(int[] indices) {
        int[] l = new int[indices.length];
        for (int b = 0; b < indices.length; b++) {
            l[b] = labels[checkIndex(indices[b])];
        }
        return l;
    }

    /** Image {@code i} as its own (C*H*W) array (a copy). */
    public float[] image(int i) {
        int per = imageSize();
        return Arrays.copyOfRange(pixels, checkIndex(i) * per, (i + 1) * per);
    }

    private float[] gather(int[] indices) {
        int per = imageSize();
        float[] out = new float[indices.length * per]; // (B, C*H*W)
        for (int b = 0; b < indices.length; b++) {
            System.arraycopy(pixels, checkIndex(indices[b]) * per, out, b * per, per);
        }
        return out;
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException("image index " + i + " outside [0, " + size() + ")");
        }
        return i;
    }

    @Override
    public String toString() {
        return "ImageSet(" + size() + " x " + channels + "x" + height + "x" + width
                + (classNames.isEmpty() ? ", unlabelled" : ", " + classNames.size() + " classes") + ")";
    }
}
