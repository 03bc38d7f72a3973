package genlab.viz;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A square panel of the plane drawn with Java2D: an optional heatmap (a grid of non-negative
 * values, dark to bright), polylines (e.g. a warped grid) and point clouds, with a title. Small
 * and fast enough to render one frame per flow layer for a GIF; {@link #row} puts panels side by side.
 * <pre>{@code
 * new Plot2D("data", -3, 3, -3, 3).points(xy, Plot2D.BLUE).render(360);
 * }</pre>
 */
public final class Plot2D {
    public static final Color BLUE = new Color(0x1f77b4);
    public static final Color ORANGE = new Color(0xff7f0e);
    public static final Color GREY = new Color(0x999999);

    private final String title;
    private final double xMin, xMax, yMin, yMax;
    private double[][] heat;
    private final List<float[]> lines = new ArrayList<>();
    private final List<Color> lineColors = new ArrayList<>();
    private final List<float[]> clouds = new ArrayList<>();
    private final List<Color> cloudColors = new ArrayList<>();

    public Plot2D(String title, double xMin, double xMax, double yMin, double yMax) {
        if (!(xMin < xMax && yMin < yMax)) throw new IllegalArgumentException("Plot2D: empty area [" + xMin + ", " + xMax + "] x [" + yMin + ", " + yMax + "]");
        this.title = title;
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
    }

    /** values[i][j] at row i (y from yMax down to yMin) and column j (x from xMin to xMax). */
    public Plot2D heatmap(double[][] values) {
        this.heat = values;
        return this;
    }

    /** A polyline through (xy[0], xy[1]), (xy[2], xy[3]), …; non-finite points break it. */
    public Plot2D line(float[] xy, Color color) {
        lines.add(xy);
        lineColors.add(color);
        return this;
    }

    /** Points (xy[2i], xy[2i + 1]). */
    public Plot2D points(float[] xy, Color color) {
        clouds.add(xy);
        cloudColors.add(color);
        return this;
    }

    public BufferedImage render(int size) {
        int top = 26;
        BufferedImage img = new BufferedImage(size, size + top, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size + top);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.drawString(title, 6, 18);
        if (heat != null) drawHeat(g, size, top);
        g.setStroke(new BasicStroke(1f));
        for (int k = 0; k < lines.size(); k++) {
            g.setColor(lineColors.get(k));
            float[] xy = lines.get(k);
            Path2D.Double p = new Path2D.Double();
            boolean pen = false;
            for (int i = 0; i + 1 < xy.length; i += 2) {
                if (!Float.isFinite(xy[i]) || !Float.isFinite(xy[i + 1])) {
                    pen = false;
                    continue;
                }
                double px = px(xy[i], size), py = py(xy[i + 1], size) + top;
                if (pen) p.lineTo(px, py);
                else p.moveTo(px, py);
                pen = true;
            }
            g.draw(p);
        }
        for (int k = 0; k < clouds.size(); k++) {
            g.setColor(cloudColors.get(k));
            float[] xy = clouds.get(k);
            for (int i = 0; i + 1 < xy.length; i += 2) {
                if (!Float.isFinite(xy[i]) || !Float.isFinite(xy[i + 1])) continue;
                g.fillOval((int) Math.round(px(xy[i], size)) - 2, (int) Math.round(py(xy[i + 1], size)) + top - 2, 4, 4);
            }
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(0, top, size - 1, size - 1);
        g.dispose();
        return img;
    }

    private double px(double x, int size) {
        return (x - xMin) / (xMax - xMin) * size;
    }

    private double py(double y, int size) {
        return (yMax - y) / (yMax - yMin) * size;
    }

    private void drawHeat(Graphics2D g, int size, int top) {
        int rows = heat.length, cols = heat[0].length;
        double max = 0;
        for (double[] r : heat) for (double v : r) if (Double.isFinite(v)) max = Math.max(max, v);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) {
                double v = max > 0 && Double.isFinite(heat[i][j]) ? Math.max(0, heat[i][j]) / max : 0;
                g.setColor(viridisLike(v));
                int x0 = j * size / cols, x1 = (j + 1) * size / cols, y0 = i * size / rows, y1 = (i + 1) * size / rows;
                g.fillRect(x0, y0 + top, x1 - x0, y1 - y0);
            }
    }

    /** Dark blue -> teal -> yellow for t in [0, 1]. */
    static Color viridisLike(double t) {
        double[][] stops = {{0.267, 0.005, 0.329}, {0.128, 0.567, 0.551}, {0.993, 0.906, 0.144}};
        double s = Math.min(1, Math.max(0, t)) * 2;
        int k = Math.min(1, (int) s);
        double f = s - k;
        return new Color((float) (stops[k][0] + f * (stops[k + 1][0] - stops[k][0])),
                (float) (stops[k][1] + f * (stops[k + 1][1] - stops[k][1])),
                (float) (stops[k][2] + f * (stops[k + 1][2] - stops[k][2])));
    }

    /** Images side by side on white, top-aligned. */
    public static BufferedImage row(List<BufferedImage> panels) {
        int w = 0, h = 0;
        for (BufferedImage p : panels) {
            w += p.getWidth();
            h = Math.max(h, p.getHeight());
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        int x = 0;
        for (BufferedImage p : panels) {
            g.drawImage(p, x, 0, null);
            x += p.getWidth();
        }
        g.dispose();
        return out;
    }

    /** Writes a PNG (creating parent directories); returns {@code path}. */
    public static Path writePng(BufferedImage img, Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            ImageIO.write(img, "png", path.toFile());
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException("Plot2D: cannot write " + path, e);
        }
    }
}
