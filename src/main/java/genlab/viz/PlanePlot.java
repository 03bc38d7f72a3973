package genlab.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One frame of a 2-D generative model at work, in the spirit of GAN Lab: a heatmap of a function
 * on the plane (a discriminator's D(x), a critic's score), point sets on top (real, generated), and
 * polylines (the generator's manifold: the image of a grid of noise vectors). Drawn with Java2D
 * directly, since a training run renders hundreds of frames.
 * <pre>{@code
 * new PlanePlot("step 500", -3, 3, -3, 3).heatmap(values, 60, 0, 1, "D(x)")
 *         .lines("G(z grid)", lines).points("real", xy, 0).points("generated", g, 1).write(path);
 * }</pre>
 * The heatmap's colour scale runs from the second palette colour at {@code lo} through white at the
 * midpoint to the first at {@code hi}, as in {@link DecisionBoundary}: blue where D says "real".
 */
public final class PlanePlot {
    private static final int LEFT = 50, TOP = 34, BAR = 60, BOTTOM = 40;

    private final String title;
    private final double x0, x1, y0, y1;
    private float[] heat;
    private int cells;
    private double lo, hi;
    private String heatLabel = "";
    private final List<String> pointNames = new ArrayList<>();
    private final List<float[]> pointSets = new ArrayList<>();
    private final List<Integer> pointColours = new ArrayList<>();
    private String lineName;
    private List<float[]> lines = List.of();
    private String footer;

    /** A frame showing the rectangle [x0, x1] × [y0, y1]. */
    public PlanePlot(String title, double x0, double x1, double y0, double y1) {
        if (!(x1 > x0) || !(y1 > y0)) throw new IllegalArgumentException("PlanePlot: empty area [" + x0 + ", " + x1 + "] x [" + y0 + ", " + y1 + "]");
        this.title = title;
        this.x0 = x0;
        this.x1 = x1;
        this.y0 = y0;
        this.y1 = y1;
    }

    /**
     * The heatmap: {@code values[j·cells + i]} is the function at the centre of cell (i, j), i along x
     * and j along y, both from the low end.
     */
    public PlanePlot heatmap(float[] values, int cells, double lo, double hi, String label) {
        if (values.length != cells * cells) throw new IllegalArgumentException("PlanePlot: " + values.length + " values for " + cells + "² cells");
        if (!(hi > lo)) throw new IllegalArgumentException("PlanePlot: heatmap range needs lo < hi, got " + lo + ", " + hi);
        this.heat = values.clone();
        this.cells = cells;
        this.lo = lo;
        this.hi = hi;
        this.heatLabel = label;
        return this;
    }

    /** The centres of the heatmap cells as (cells², 2) row-major points, in the order {@link #heatmap} expects. */
    public static float[] cellCentres(double x0, double x1, double y0, double y1, int cells) {
        float[] xy = new float[2 * cells * cells];
        for (int j = 0, k = 0; j < cells; j++) {
            for (int i = 0; i < cells; i++, k++) {
                xy[2 * k] = (float) (x0 + (i + 0.5) * (x1 - x0) / cells);
                xy[2 * k + 1] = (float) (y0 + (j + 0.5) * (y1 - y0) / cells);
            }
        }
        return xy;
    }

    /** A point set (N, 2) row-major, in palette colour {@code colour}. */
    public PlanePlot points(String name, float[] xy, int colour) {
        if (xy.length % 2 != 0) throw new IllegalArgumentException("PlanePlot: " + xy.length + " floats are not (N, 2) points");
        pointNames.add(name);
        pointSets.add(xy.clone());
        pointColours.add(colour);
        return this;
    }

    /** Polylines, each (M, 2) row-major, drawn thin and dark under the points. */
    public PlanePlot lines(String name, List<float[]> polylines) {
        this.lineName = name;
        this.lines = List.copyOf(polylines);
        return this;
    }

    /** A line of text under the plot (e.g. the losses at this step). */
    public PlanePlot footer(String text) {
        this.footer = text;
        return this;
    }

    /** The frame as an RGB image. */
    public BufferedImage image(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int pw = width - LEFT - BAR - 10, ph = height - TOP - BOTTOM;
        if (heat != null) {
            for (int j = 0; j < cells; j++) {
                for (int i = 0; i < cells; i++) {
                    int ax = LEFT + (int) Math.floor((double) i * pw / cells), bx = LEFT + (int) Math.floor((double) (i + 1) * pw / cells);
                    int ay = TOP + ph - (int) Math.floor((double) (j + 1) * ph / cells), by = TOP + ph - (int) Math.floor((double) j * ph / cells);
                    g.setColor(colour(heat[j * cells + i]));
                    g.fillRect(ax, ay, bx - ax, by - ay);
                }
            }
            drawBar(g, width - BAR + 6, TOP, ph);
        }
        g.setColor(new Color(0x999999));
        g.drawRect(LEFT, TOP, pw, ph);
        // Manifold lines.
        g.setClip(LEFT, TOP, pw, ph);
        g.setStroke(new BasicStroke(1f));
        g.setColor(new Color(0x55, 0x55, 0x55, 170));
        for (float[] line : lines) {
            Path2D.Double path = new Path2D.Double();
            for (int k = 0; k < line.length / 2; k++) {
                double px = sx(line[2 * k], pw), py = sy(line[2 * k + 1], ph);
                if (k == 0) path.moveTo(px, py);
                else path.lineTo(px, py);
            }
            g.draw(path);
        }
        for (int s = 0; s < pointSets.size(); s++) {
            float[] xy = pointSets.get(s);
            Color c = Charts.PALETTE[pointColours.get(s) % Charts.PALETTE.length];
            for (int k = 0; k < xy.length / 2; k++) {
                Ellipse2D.Double dot = new Ellipse2D.Double(sx(xy[2 * k], pw) - 2.5, sy(xy[2 * k + 1], ph) - 2.5, 5, 5);
                g.setColor(c);
                g.fill(dot);
            }
        }
        g.setClip(null);
        // Title, axes, legend.
        g.setColor(Color.BLACK);
        g.setFont(Charts.TITLE);
        g.drawString(title, LEFT, TOP - 12);
        g.setFont(Charts.TICK);
        for (int t = 0; t <= 4; t++) {
            double vx = x0 + (x1 - x0) * t / 4, vy = y0 + (y1 - y0) * t / 4;
            String lx = tick(vx, x1 - x0), ly = tick(vy, y1 - y0);
            g.drawString(lx, (int) sx(vx, pw) - g.getFontMetrics().stringWidth(lx) / 2, TOP + ph + 14);
            g.drawString(ly, LEFT - 4 - g.getFontMetrics().stringWidth(ly), (int) sy(vy, ph) + 4);
        }
        int lx = LEFT + 6, ly = TOP + ph + 30;
        g.setFont(Charts.LABEL);
        for (int s = 0; s < pointNames.size(); s++) {
            g.setColor(Charts.PALETTE[pointColours.get(s) % Charts.PALETTE.length]);
            g.fillOval(lx, ly - 9, 9, 9);
            g.setColor(Color.BLACK);
            g.drawString(pointNames.get(s), lx + 13, ly);
            lx += 24 + g.getFontMetrics().stringWidth(pointNames.get(s));
        }
        if (lineName != null && !lines.isEmpty()) {
            g.setColor(new Color(0x555555));
            g.drawLine(lx, ly - 4, lx + 14, ly - 4);
            g.setColor(Color.BLACK);
            g.drawString(lineName, lx + 18, ly);
            lx += 30 + g.getFontMetrics().stringWidth(lineName);
        }
        if (footer != null) {
            g.setFont(Charts.TICK);
            g.drawString(footer, Math.max(lx, LEFT + pw / 2), ly);
        }
        g.dispose();
        return img;
    }

    /** Writes a 640 × 600 PNG; returns {@code path}. */
    public Path write(Path path) {
        return write(path, 640, 600);
    }

    public Path write(Path path, int width, int height) {
        return Charts.writePng(image(width, height), path);
    }

    private double sx(double x, int pw) {
        return LEFT + (x - x0) / (x1 - x0) * pw;
    }

    private double sy(double y, int ph) {
        return TOP + ph - (y - y0) / (y1 - y0) * ph;
    }

    private Color colour(double v) {
        double t = Double.isNaN(v) ? 0.5 : Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
        Color end = t < 0.5 ? Charts.PALETTE[1] : Charts.PALETTE[0];
        double s = 0.55 * Math.abs(2 * t - 1);
        return new Color(mix(255, end.getRed(), s), mix(255, end.getGreen(), s), mix(255, end.getBlue(), s));
    }

    private void drawBar(Graphics2D g, int x, int top, int ph) {
        for (int k = 0; k < ph; k++) {
            g.setColor(colour(hi - (hi - lo) * k / (ph - 1.0)));
            g.drawLine(x, top + k, x + 12, top + k);
        }
        g.setColor(new Color(0x999999));
        g.drawRect(x, top, 12, ph);
        g.setColor(Color.BLACK);
        g.setFont(Charts.TICK);
        g.drawString(fmt(hi), x + 15, top + 10);
        g.drawString(fmt((lo + hi) / 2), x + 15, top + ph / 2 + 4);
        g.drawString(fmt(lo), x + 15, top + ph);
        Font f = g.getFont();
        g.rotate(Math.PI / 2);
        g.drawString(heatLabel, top + ph / 2 - g.getFontMetrics().stringWidth(heatLabel) / 2, -(x + 42));
        g.rotate(-Math.PI / 2);
        g.setFont(f);
    }

    private static String tick(double v, double span) {
        return String.format(Locale.ROOT, "%.1f", Math.abs(v) < 0.01 * span ? 0.0 : v);
    }

    private static String fmt(double v) {
        return Math.abs(v) >= 100 || (Math.abs(v) < 0.01 && v != 0) ? String.format(Locale.ROOT, "%.1e", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static int mix(int a, int b, double s) {
        return (int) Math.round(a + (b - a) * s);
    }
}
