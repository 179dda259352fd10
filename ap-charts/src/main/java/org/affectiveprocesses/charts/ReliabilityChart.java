package org.affectiveprocesses.charts;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.affectiveprocesses.metrics.Calibration;
import org.affectiveprocesses.metrics.CalibrationReport;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The reliability diagram of a model's per-frame Gaussian predictions (Kuleshov et al., ICML
 * 2018): for each expected probability p (0.05, ..., 0.95), the observed fraction p̂ of frames
 * whose truth lies below the predicted p-quantile. A calibrated model lies on the diagonal; a
 * line flatter than the diagonal (S-shaped the other way) means σ is too wide, steeper means too
 * narrow. One line per label dimension and one for all dimensions pooled; optionally the pooled
 * line of the uncalibrated σ, dashed, for comparison.
 *
 * <pre>{@code
 * CalibrationReport c = Evaluation.of(ap, corpus.split("test")).calibration();
 * ReliabilityChart.of(c).build().save(Path.of("reliability.png"));
 * }</pre>
 */
public final class ReliabilityChart {
    /** The default image width. */
    public static final int DEFAULT_WIDTH = 560;
    /** The default image height. */
    public static final int DEFAULT_HEIGHT = 520;

    private final CalibrationReport report;
    private CalibrationReport uncalibrated;
    private String title = "Reliability diagram: observed vs expected frequency";
    private int width = DEFAULT_WIDTH;
    private int height = DEFAULT_HEIGHT;

    private ReliabilityChart(CalibrationReport report) {
        this.report = Objects.requireNonNull(report, "report");
    }

    /**
     * A reliability diagram of a calibration report.
     *
     * @param report the calibration of the predictions to draw
     * @return the builder
     */
    public static ReliabilityChart of(CalibrationReport report) {
        return new ReliabilityChart(report);
    }

    /**
     * Also draws the pooled line of the same predictions with σ before calibration, dashed.
     *
     * @param before the calibration report of the uncalibrated σ
     * @return this builder
     */
    public ReliabilityChart uncalibrated(CalibrationReport before) {
        this.uncalibrated = Objects.requireNonNull(before, "before");
        return this;
    }

    /**
     * The chart's title.
     *
     * @param newTitle the title
     * @return this builder
     */
    public ReliabilityChart title(String newTitle) {
        this.title = Objects.requireNonNull(newTitle, "title");
        return this;
    }

    /**
     * The image size in pixels (default 560 x 520).
     *
     * @param newWidth the width
     * @param newHeight the height
     * @return this builder
     */
    public ReliabilityChart size(int newWidth, int newHeight) {
        this.width = newWidth;
        this.height = newHeight;
        return this;
    }

    /**
     * Builds the chart.
     *
     * @return the chart
     */
    public Chart build() {
        double[] levels = Calibration.levels();
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries ideal = new XYSeries("calibrated (p̂ = p)");
        ideal.add(0.0, 0.0);
        ideal.add(1.0, 1.0);
        data.addSeries(ideal);
        List<Color> colors = new ArrayList<>();
        List<String> columns = report.columns();
        for (int c = 0; c < columns.size(); c++) {
            String column = columns.get(c);
            boolean pooled = column.equals(CalibrationReport.POOLED);
            data.addSeries(line(pooled ? "all dimensions" : column, levels, report.observedFrequencies(column)));
            colors.add(pooled ? ChartStyle.AP : ChartStyle.OTHERS[c % ChartStyle.OTHERS.length]);
        }
        if (uncalibrated != null) {
            data.addSeries(line("all dimensions, uncalibrated σ", levels,
                    uncalibrated.observedFrequencies(CalibrationReport.POOLED)));
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, ChartStyle.GROUND_TRUTH);
        r.setSeriesStroke(0, ChartStyle.DASHED);
        r.setSeriesShapesVisible(0, false);
        for (int i = 0; i < colors.size(); i++) {
            boolean pooled = columns.get(i).equals(CalibrationReport.POOLED);
            r.setSeriesPaint(i + 1, colors.get(i));
            r.setSeriesStroke(i + 1, pooled ? ChartStyle.THICK : ChartStyle.MEDIUM);
            r.setSeriesShape(i + 1, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        if (uncalibrated != null) {
            int u = colors.size() + 1;
            r.setSeriesPaint(u, ChartStyle.RANDOM);
            r.setSeriesStroke(u, ChartStyle.DASHED);
            r.setSeriesShape(u, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        NumberAxis x = new NumberAxis("expected frequency p (predicted quantile level)");
        x.setRange(0, 1);
        NumberAxis y = new NumberAxis("observed frequency p̂ (truth below the quantile)");
        y.setRange(0, 1);
        XYPlot plot = new XYPlot(data, x, y, r);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        return new Chart(chart, width, height);
    }

    private static XYSeries line(String name, double[] levels, double[] observed) {
        XYSeries s = new XYSeries(name, false);
        for (int j = 0; j < levels.length; j++) {
            s.add(levels[j], observed[j]);
        }
        return s;
    }
}
