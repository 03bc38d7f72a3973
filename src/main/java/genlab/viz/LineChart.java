package genlab.viz;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Line plot of several named series {@code y(x)}, e.g. training curves. Series go on the left
 * y axis, or with {@link #rightSeries} on a second axis at the right (accuracy beside loss).
 * {@link #logY()} makes the left axis logarithmic; points with {@code y <= 0} or non-finite values
 * are skipped there, as a log axis cannot show them.
 * <pre>{@code
 * new LineChart("Training", "step", "loss").logY()
 *         .series("loss", steps, loss).rightSeries("accuracy", steps, acc, "accuracy")
 *         .write(path);
 * }</pre>
 */
public final class LineChart {
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Line> left = new ArrayList<>();
    private final List<Line> right = new ArrayList<>();
    private String rightLabel = "";
    private boolean logY;

    private record Line(String name, double[] x, double[] y) { }

    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Makes the left y axis logarithmic. */
    public LineChart logY() {
        this.logY = true;
        return this;
    }

    /** A series on the left axis. */
    public LineChart series(String name, double[] x, double[] y) {
        left.add(line(name, x, y));
        return this;
    }

    /** A series over {@code x = 0, 1, 2, ...}. */
    public LineChart series(String name, double[] y) {
        return series(name, Charts.indices(y.length), y);
    }

    /** A series over {@code x = 0, 1, 2, ...}. */
    public LineChart series(String name, float[] y) {
        return series(name, Charts.toDouble(y));
    }

    /** A series on a second, linear y axis at the right, labelled {@code axisLabel}. */
    public LineChart rightSeries(String name, double[] x, double[] y, String axisLabel) {
        right.add(line(name, x, y));
        rightLabel = axisLabel;
        return this;
    }

    /** The chart, for further styling. */
    public JFreeChart chart() {
        ValueAxis yAxis = logY ? logAxis() : new NumberAxis(yLabel);
        if (!logY) ((NumberAxis) yAxis).setAutoRangeIncludesZero(false);
        NumberAxis xAxis = new NumberAxis(xLabel);
        xAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(collection(left, logY), xAxis, yAxis, renderer(0));
        plot.setOrientation(PlotOrientation.VERTICAL);
        if (!right.isEmpty()) {
            NumberAxis r = new NumberAxis(rightLabel);
            r.setAutoRangeIncludesZero(false);
            plot.setRangeAxis(1, r);
            plot.setDataset(1, collection(right, false));
            plot.mapDatasetToRangeAxis(1, 1);
            plot.setRenderer(1, renderer(left.size()));
        }
        JFreeChart chart = new JFreeChart(title, plot);
        Charts.style(chart);
        return chart;
    }

    /** The chart as an image. */
    public BufferedImage render(int width, int height) {
        return Charts.render(chart(), width, height);
    }

    /** Writes an 800 × 500 PNG; returns {@code path}. */
    public Path write(Path path) {
        return write(path, 800, 500);
    }

    public Path write(Path path, int width, int height) {
        return Charts.writePng(render(width, height), path);
    }

    /** Plain-number tick labels (0.01, 0.1, 1): one per decade when the data spans one or more. */
    private LogAxis logAxis() {
        LogAxis axis = new LogAxis(yLabel);
        axis.setNumberFormatOverride(new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        double min = Double.MAX_VALUE, max = 0;
        for (Line l : left) {
            for (double y : l.y()) {
                if (Double.isFinite(y) && y > 0) {
                    min = Math.min(min, y);
                    max = Math.max(max, y);
                }
            }
        }
        if (max > 0 && Math.log10(max / min) >= 1) axis.setTickUnit(new NumberTickUnit(1, axis.getNumberFormatOverride(), 9));
        return axis;
    }

    private static Line line(String name, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("LineChart series '" + name + "': " + x.length + " x values but "
                    + y.length + " y values");
        }
        return new Line(name, x.clone(), y.clone());
    }

    private static XYSeriesCollection collection(List<Line> lines, boolean positiveOnly) {
        XYSeriesCollection c = new XYSeriesCollection();
        for (Line l : lines) {
            XYSeries s = new XYSeries(l.name(), false, true);
            for (int i = 0; i < l.x().length; i++) {
                double y = l.y()[i];
                if (Double.isFinite(y) && (!positiveOnly || y > 0)) s.add(l.x()[i], y);
            }
            c.addSeries(s);
        }
        return c;
    }

    private static XYLineAndShapeRenderer renderer(int firstColour) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < 8; i++) {
            r.setSeriesPaint(i, Charts.PALETTE[(firstColour + i) % Charts.PALETTE.length]);
            r.setSeriesStroke(i, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        return r;
    }
}
