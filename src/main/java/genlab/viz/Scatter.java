package genlab.viz;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Points {@code (xs[i], ys[i])} coloured by an integer class label, one legend entry per class.
 * <pre>{@code new Scatter("Two moons", "x₁", "x₂").points(xs, ys, labels).write(path); }</pre>
 */
public final class Scatter {
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private double[] xs = {};
    private double[] ys = {};
    private int[] labels = {};
    private String[] classNames = {};

    public Scatter(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** The points and their class labels (0, 1, ...). */
    public Scatter points(double[] xs, double[] ys, int[] labels) {
        if (xs.length != ys.length || xs.length != labels.length) {
            throw new IllegalArgumentException("Scatter: " + xs.length + " xs, " + ys.length + " ys, "
                    + labels.length + " labels: lengths differ");
        }
        this.xs = xs.clone();
        this.ys = ys.clone();
        this.labels = labels.clone();
        return this;
    }

    /** Legend names by label ({@code "class 0"}, ... if not given). */
    public Scatter classNames(String... names) {
        this.classNames = names.clone();
        return this;
    }

    public JFreeChart chart() {
        NumberAxis x = new NumberAxis(xLabel);
        NumberAxis y = new NumberAxis(yLabel);
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(dataset(), x, y, renderer());
        JFreeChart chart = new JFreeChart(title, plot);
        Charts.style(chart);
        return chart;
    }

    public BufferedImage render(int width, int height) {
        return Charts.render(chart(), width, height);
    }

    /** Writes a 700 × 600 PNG; returns {@code path}. */
    public Path write(Path path) {
        return write(path, 700, 600);
    }

    public Path write(Path path, int width, int height) {
        return Charts.writePng(render(width, height), path);
    }

    double[] xs() {
        return xs;
    }

    double[] ys() {
        return ys;
    }

    /** One series per label, in label order. */
    XYSeriesCollection dataset() {
        TreeMap<Integer, XYSeries> byLabel = new TreeMap<>();
        for (int i = 0; i < xs.length; i++) {
            int l = labels[i];
            byLabel.computeIfAbsent(l, k -> new XYSeries(k < classNames.length ? classNames[k] : "class " + k, false, true))
                    .add(xs[i], ys[i]);
        }
        XYSeriesCollection c = new XYSeriesCollection();
        byLabel.values().forEach(c::addSeries);
        return c;
    }

    /** Filled circles with a dark outline, so they stand out on a heatmap too. */
    static XYLineAndShapeRenderer renderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setUseOutlinePaint(true);
        r.setDrawOutlines(true);
        r.setUseFillPaint(false);
        for (int i = 0; i < Charts.PALETTE.length; i++) {
            r.setSeriesPaint(i, Charts.PALETTE[i]);
            r.setSeriesOutlinePaint(i, new Color(0x222222));
            r.setSeriesShape(i, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
        }
        return r;
    }
}
