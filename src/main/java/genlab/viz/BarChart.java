package genlab.viz;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A horizontal bar chart, one bar per named value, each labelled with its value:
 * <pre>{@code new BarChart("Matmul 512³", "GFLOP/s").bar("naive", 0.4).bar("ikj", 3.1).logScale().write(path);}</pre>
 */
public final class BarChart {
    private final String title, valueLabel;
    private final List<String> names = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();
    private boolean log;

    public BarChart(String title, String valueLabel) {
        this.title = title;
        this.valueLabel = valueLabel;
    }

    /** Adds a bar (top to bottom in the order added). */
    public BarChart bar(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) throw new IllegalArgumentException("bar chart: bar '" + name + "' has value " + value);
        names.add(name);
        values.add(value);
        return this;
    }

    /** A logarithmic value axis (for values spanning orders of magnitude). */
    public BarChart logScale() {
        log = true;
        return this;
    }

    public JFreeChart chart() {
        if (names.isEmpty()) throw new IllegalStateException("bar chart '" + title + "': no bars");
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < names.size(); i++) data.addValue(values.get(i), valueLabel, names.get(i));
        ValueAxis axis;
        if (log) {
            LogAxis la = new LogAxis(valueLabel);
            double min = values.stream().filter(v -> v > 0).mapToDouble(Double::doubleValue).min().orElse(1);
            double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(10);
            la.setRange(Math.pow(10, Math.floor(Math.log10(min))), Math.pow(10, Math.ceil(Math.log10(max * 3))));
            la.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0));   // one tick per power of ten
            la.setNumberFormatOverride(new java.text.DecimalFormat("0.###", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
            axis = la;
        } else {
            NumberAxis na = new NumberAxis(valueLabel);
            na.setUpperMargin(0.15);                                         // room for the value labels
            axis = na;
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, Charts.PALETTE[0]);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new java.text.DecimalFormat("0.0#", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultPositiveItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
                org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, org.jfree.chart.ui.TextAnchor.CENTER_LEFT));
        renderer.setDefaultItemLabelFont(Charts.TICK);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), axis, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.getDomainAxis().setTickLabelFont(Charts.LABEL);
        axis.setTickLabelFont(Charts.TICK);
        axis.setLabelFont(Charts.LABEL);
        JFreeChart chart = new JFreeChart(title, Charts.TITLE, plot, false);
        Charts.style(chart);
        return chart;
    }

    public BufferedImage render(int width, int height) {
        return Charts.render(chart(), width, height);
    }

    public Path write(Path path) {
        return write(path, 800, 120 + 40 * names.size());
    }

    public Path write(Path path, int width, int height) {
        return Charts.writePng(render(width, height), path);
    }
}
