package genlab.viz;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * {@code n} images of {@code C × H × W} floats in [0, 1] (C = 1 grayscale, C = 3 RGB; the layout
 * of a tensor's data), tiled row by row into one picture with a small gap, each pixel optionally
 * enlarged {@code scale} times. Values outside [0, 1] are clamped, NaN shows as 0.
 * <pre>{@code ImageGrid.of(samples, 64, 1, 28, 28).columns(8).scale(2).write(path); }</pre>
 */
public final class ImageGrid {
    private static final int GAP_GREY = 0x40;

    private final float[] pixels;
    private final int n;
    private final int c;
    private final int h;
    private final int w;
    private int columns;
    private int gap = 2;
    private int scale = 1;

    private ImageGrid(float[] pixels, int n, int c, int h, int w) {
        if (c != 1 && c != 3) throw new IllegalArgumentException("ImageGrid: C must be 1 or 3, got " + c);
        if (n <= 0 || h <= 0 || w <= 0) {
            throw new IllegalArgumentException("ImageGrid: sizes must be positive, got (" + n + ", " + c + ", " + h + ", " + w + ")");
        }
        if ((long) n * c * h * w > pixels.length) {
            throw new IllegalArgumentException("ImageGrid: (" + n + ", " + c + ", " + h + ", " + w + ") needs "
                    + (long) n * c * h * w + " floats, got " + pixels.length);
        }
        this.pixels = pixels;
        this.n = n;
        this.c = c;
        this.h = h;
        this.w = w;
        this.columns = (int) Math.ceil(Math.sqrt(n));
    }

    /** The first {@code n·C·H·W} floats of {@code pixels}, laid out {@code (N, C, H, W)}. Not copied. */
    public static ImageGrid of(float[] pixels, int n, int c, int h, int w) {
        return new ImageGrid(pixels, n, c, h, w);
    }

    /** Images per row (default: a square-ish grid). */
    public ImageGrid columns(int columns) {
        this.columns = Math.max(1, columns);
        return this;
    }

    /** Pixels between images, before scaling (default 2). */
    public ImageGrid gap(int gap) {
        this.gap = Math.max(0, gap);
        return this;
    }

    /** Each image pixel becomes {@code scale × scale} screen pixels (default 1). */
    public ImageGrid scale(int scale) {
        this.scale = Math.max(1, scale);
        return this;
    }

    /** The grid as an RGB image, e.g. a GIF frame. */
    public BufferedImage image() {
        int cols = Math.min(columns, n);
        int rows = (n + cols - 1) / cols;
        int cw = (w + gap) * scale;
        int ch = (h + gap) * scale;
        int width = cols * cw + gap * scale;
        int height = rows * ch + gap * scale;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int grey = GAP_GREY << 16 | GAP_GREY << 8 | GAP_GREY;
        for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) img.setRGB(x, y, grey);
        int plane = h * w;
        for (int k = 0; k < n; k++) {
            int x0 = gap * scale + (k % cols) * cw;
            int y0 = gap * scale + (k / cols) * ch;
            int base = k * c * plane;
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    int p = base + i * w + j;
                    int r = byteOf(pixels[p]);
                    int rgb = c == 1 ? r << 16 | r << 8 | r
                            : r << 16 | byteOf(pixels[p + plane]) << 8 | byteOf(pixels[p + 2 * plane]);
                    for (int sy = 0; sy < scale; sy++) {
                        for (int sx = 0; sx < scale; sx++) img.setRGB(x0 + j * scale + sx, y0 + i * scale + sy, rgb);
                    }
                }
            }
        }
        return img;
    }

    /** Writes the grid as PNG; returns {@code path}. */
    public Path write(Path path) {
        return Charts.writePng(image(), path);
    }

    private static int byteOf(float v) {
        if (!(v > 0)) return 0; // also NaN
        return v >= 1 ? 255 : Math.round(v * 255);
    }
}
