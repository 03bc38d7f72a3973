package genlab.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Frames of a moving 2-D point cloud (a diffusion trajectory, say) drawn on one fixed square
 * range [lo, hi]², so that frames are comparable: a PNG strip of the frames side by side, or an
 * animated GIF. Each frame is (N, 2) row-major floats with a caption ("t = 250").
 */
public final class PointFrames {
    private final double lo, hi;
    private final int size;
    private final List<BufferedImage> frames = new ArrayList<>();

    public PointFrames(double lo, double hi, int size) {
        if (!(hi > lo)) throw new IllegalArgumentException("PointFrames: need lo < hi, got [" + lo + ", " + hi + "]");
        this.lo = lo;
        this.hi = hi;
        this.size = size;
    }

    /** Draws {@code xy} as a new frame; returns this. */
    public PointFrames add(float[] xy, String caption) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        g.setColor(new Color(0xDDDDDD));
        g.setStroke(new BasicStroke(1));
        int zx = px(0), zy = py(0);
        g.drawLine(zx, 0, zx, size);
        g.drawLine(0, zy, size, zy);
        g.setColor(new Color(31, 119, 180, 110));
        for (int i = 0; i + 1 < xy.length; i += 2) {
            if (!Float.isFinite(xy[i]) || !Float.isFinite(xy[i + 1])) continue;
            g.fillOval(px(xy[i]) - 2, py(xy[i + 1]) - 2, 4, 4);
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(caption, 6, 16);
        g.setColor(new Color(0x888888));
        g.drawRect(0, 0, size - 1, size - 1);
        g.dispose();
        frames.add(img);
        return this;
    }

    private int px(double x) {
        return (int) Math.round((x - lo) / (hi - lo) * (size - 1));
    }

    private int py(double y) {
        return (int) Math.round((hi - y) / (hi - lo) * (size - 1));
    }

    public int size() {
        return frames.size();
    }

    /** All frames side by side. */
    public Path writeStrip(Path path) {
        if (frames.isEmpty()) throw new IllegalStateException("PointFrames: no frames added");
        BufferedImage strip = new BufferedImage(frames.size() * size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = strip.createGraphics();
        for (int i = 0; i < frames.size(); i++) g.drawImage(frames.get(i), i * size, 0, null);
        g.dispose();
        return Charts.writePng(strip, path);
    }

    /** The frames as an animated GIF, the last one held a little longer. */
    public Path writeGif(Path path, int delayMillis) {
        if (frames.isEmpty()) throw new IllegalStateException("PointFrames: no frames added");
        List<BufferedImage> all = new ArrayList<>(frames);
        for (int i = 0; i < 8; i++) all.add(frames.get(frames.size() - 1));
        return Gif.write(path, all, delayMillis);
    }
}
