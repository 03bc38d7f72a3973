package genlab.viz;

import java.awt.Color;
import java.awt.Paint;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.function.DoubleBinaryOperator;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A heatmap of {@code f(x, y)} on a grid (e.g. a classifier's probability or score) with the
 * labelled data points on top. The colour scale runs from the class-0 colour at {@code lo}
 * through white at the midpoint to the class-1 colour at {@code hi}; values outside are clamped,
 * so the white band is the decision boundary.
 * <pre>{@code
 * new DecisionBoundary("Decision boundary", "x₁", "x₂", (x, y) -> model.score(x, y))
 *         .range(-1, 1).points(xs, ys, labels).write(path);
 * }</pre>
 */
public final class DecisionBoundary {
    private final String title;
    private final Scatter scatter;
    private final DoubleBinaryOperator f;
    private double lo = 0;
    private double hi = 1;
    private String valueLabel = "f(x, y)";
    private int cells = 100;
    private double[] bounds;

    public DecisionBoundary(String title, String xLabel, String yLabel, DoubleBinaryOperator f) {
        this.title = title;
        this.scatter = new Scatter(title, xLabel, yLabel);
        this.f = f;
    }

    /** The values shown at the two ends of the colour scale (default 0 and 1). */
    public DecisionBoundary range(double lo, double hi) {
        if (!(lo < hi)) throw new IllegalArgumentException("DecisionBoundary: range needs lo < hi, got " + lo + ", " + hi);
        this.lo = lo;
        this.hi = hi;
        return this;
    }

    /** The colour bar's caption, e.g. {@code "P(class 1)"}. */
    public DecisionBoundary valueLabel(String label) {
        this.valueLabel = label;
        return this;
    }

    /** Cells along each axis (default 100): {@code f} is evaluated {@code cells²} times. */
    public DecisionBoundary cells(int cells) {
        this.cells = cells;
        return this;
    }

    /** The area shown; by default the points' extent plus a margin. */
    public DecisionBoundary bounds(double xMin, double xMax, double yMin, double yMax) {
        this.bounds = new double[] {xMin, xMax, yMin, yMax};
        return this;
    }

    public DecisionBoundary points(double[] xs, double[] ys, int[] labels) {
        scatter.points(xs, ys, labels);
        return this;
    }

    public DecisionBoundary classNames(String... names) {
        scatter.classNames(names);
        return this;
    }

    public JFreeChart chart() {
        double[] b = bounds != null ? bounds : pointBounds();
        double dx = (b[1] - b[0]) / cells;
        double dy = (b[3] - b[2]) / cells;
        double[][] xyz = new double[3][cells * cells];
        for (int j = 0, k = 0; j < cells; j++) {
            for (int i = 0; i < cells; i++, k++) {
                xyz[0][k] = b[0] + (i + 0.5) * dx; // cell centres
                xyz[1][k] = b[2] + (j + 0.5) * dy;
                xyz[2][k] = f.applyAsDouble(xyz[0][k], xyz[1][k]);
            }
        }
        DefaultXYZDataset heat = new DefaultXYZDataset();
        heat.addSeries("f", xyz);
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setBlockWidth(dx);
        blocks.setBlockHeight(dy);
        Scale scale = new Scale(lo, hi);
        blocks.setPaintScale(scale);

        JFreeChart chart = scatter.chart();
        XYPlot plot = chart.getXYPlot();
        plot.setDataset(1, heat);
        plot.setRenderer(1, blocks);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE); // heatmap (1) first, points (0) on top
        plot.getDomainAxis().setRange(b[0], b[1]);
        plot.getRangeAxis().setRange(b[2], b[3]);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        blocks.setSeriesVisibleInLegend(0, false);

        NumberAxis barAxis = new NumberAxis(valueLabel);
        barAxis.setRange(lo, hi);
        Charts.axis(barAxis);
        PaintScaleLegend bar = new PaintScaleLegend(scale, barAxis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setStripWidth(14);
        bar.setAxisOffset(4);
        bar.setMargin(30, 8, 30, 8);
        bar.setFrame(new BlockBorder(Color.WHITE));
        chart.addSubtitle(bar);
        chart.setTitle(title);
        Charts.style(chart);
        return chart;
    }

    public BufferedImage render(int width, int height) {
        return Charts.render(chart(), width, height);
    }

    /** Writes a 760 × 620 PNG; returns {@code path}. */
    public Path write(Path path) {
        return write(path, 760, 620);
    }

    public Path write(Path path, int width, int height) {
        return Charts.writePng(render(width, height), path);
    }

    private double[] pointBounds() {
        double[] xs = scatter.xs();
        double[] ys = scatter.ys();
        if (xs.length == 0) return new double[] {-1, 1, -1, 1};
        double x0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y0 = Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (int i = 0; i < xs.length; i++) {
            x0 = Math.min(x0, xs[i]);
            x1 = Math.max(x1, xs[i]);
            y0 = Math.min(y0, ys[i]);
            y1 = Math.max(y1, ys[i]);
        }
        double mx = 0.1 * Math.max(x1 - x0, 1e-9) + 0.1;
        double my = 0.1 * Math.max(y1 - y0, 1e-9) + 0.1;
        return new double[] {x0 - mx, x1 + mx, y0 - my, y1 + my};
    }

    /** Class-0 colour (lo) -> white (midpoint) -> class-1 colour (hi), pale so points stay visible. */
    private record Scale(double lo, double hi) implements PaintScale {
        @Override
        public double getLowerBound() {
            return lo;
        }

        @Override
        public double getUpperBound() {
            return hi;
        }

        @Override
        public Paint getPaint(double value) {
            double t = Double.isNaN(value) ? 0.5 : Math.max(0, Math.min(1, (value - lo) / (hi - lo)));
            Color end = t < 0.5 ? Charts.PALETTE[0] : Charts.PALETTE[1];
            double s = 0.6 * Math.abs(2 * t - 1); // at most 60% of the class colour
            return new Color(mix(255, end.getRed(), s), mix(255, end.getGreen(), s), mix(255, end.getBlue(), s));
        }

        private static int mix(int a, int b, double s) {
            return (int) Math.round(a + (b - a) * s);
        }
    }
}
