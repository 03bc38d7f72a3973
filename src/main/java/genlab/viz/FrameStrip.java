package genlab.viz;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Frames of a process on a batch of single-channel images (a diffusion chain, say): as one PNG
 * strip, one row per image and one column per frame, or as an animated GIF with the whole batch
 * as a grid in each frame. Each frame is (N, 1, H, W) floats; values are mapped from
 * [lo, hi] to [0, 1] (clamped), so data in [−1, 1] shows as usual.
 */
public final class FrameStrip {
    private final List<float[]> frames = new ArrayList<>();
    private final int n, h, w;
    private final float lo, hi;
    private int scale = 2;

    public FrameStrip(int n, int h, int w, float lo, float hi) {
        if (!(hi > lo)) throw new IllegalArgumentException("FrameStrip: need lo < hi, got [" + lo + ", " + hi + "]");
        this.n = n;
        this.h = h;
        this.w = w;
        this.lo = lo;
        this.hi = hi;
    }

    /** Each pixel becomes {@code scale × scale} screen pixels (default 2); returns this. */
    public FrameStrip scale(int scale) {
        this.scale = Math.max(1, scale);
        return this;
    }

    /** Adds a frame: the first N·H·W values of {@code pixels} (copied); returns this. */
    public FrameStrip add(float[] pixels) {
        if (pixels.length < n * h * w) throw new IllegalArgumentException("FrameStrip: a frame needs " + n * h * w + " values, got " + pixels.length);
        float[] f = new float[n * h * w];
        for (int i = 0; i < f.length; i++) f[i] = (pixels[i] - lo) / (hi - lo);
        frames.add(f);
        return this;
    }

    public int size() {
        return frames.size();
    }

    /** Rows: images; columns: frames in order. */
    public Path writeStrip(Path path) {
        check();
        int cols = frames.size();
        float[] all = new float[n * cols * h * w]; // (N·frames, 1, H, W), row-major by image then frame
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < cols; c++) {
                System.arraycopy(frames.get(c), r * h * w, all, (r * cols + c) * h * w, h * w);
            }
        }
        return ImageGrid.of(all, n * cols, 1, h, w).columns(cols).scale(scale).write(path);
    }

    /** One GIF frame per added frame, each the batch as a grid of {@code columns}; the last frame is held longer. */
    public Path writeGif(Path path, int columns, int delayMillis) {
        check();
        List<BufferedImage> images = new ArrayList<>();
        for (float[] f : frames) images.add(ImageGrid.of(f, n, 1, h, w).columns(columns).scale(scale).image());
        BufferedImage last = images.get(images.size() - 1);
        for (int i = 0; i < 8; i++) images.add(last); // a pause on the result before the loop restarts
        return Gif.write(path, images, delayMillis);
    }

    private void check() {
        if (frames.isEmpty()) throw new IllegalStateException("FrameStrip: no frames added");
    }
}
