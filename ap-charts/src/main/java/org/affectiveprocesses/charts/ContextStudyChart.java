package org.affectiveprocesses.charts;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Objects;
import org.affectiveprocesses.evaluation.ContextStudy;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The paper's Fig. 3: the score of an Affective Process against the number of context points,
 * one line per context selector (lowest σ, highest σ, random), and the backbone's score as a
 * dashed horizontal line.
 *
 * <pre>{@code
 * ContextStudy.Result study = ContextStudy.of(ap, validation).run();
 * ContextStudyChart.of(study).backbone(0.604).build().save(Path.of("fig3.png"));
 * }</pre>
 */
public final class ContextStudyChart {
    /** The default image width. */
    public static final int DEFAULT_WIDTH = 720;
    /** The default image height. */
    public static final int DEFAULT_HEIGHT = 480;

    private final ContextStudy.Result result;
    private String dimension;
    private double backbone = Double.NaN;
    private String title;
    private int width = DEFAULT_WIDTH;
    private int height = DEFAULT_HEIGHT;

    private ContextStudyChart(ContextStudy.Result result) {
        this.result = Objects.requireNonNull(result, "result");
    }

    /** A chart of a context study; by default the score averaged over the label dimensions. */
    public static ContextStudyChart of(ContextStudy.Result result) {
        return new ContextStudyChart(result);
    }

    /**
     * Draws one label dimension instead of the mean.
     *
     * @throws IllegalArgumentException if the study has no such dimension
     */
    public ContextStudyChart dimension(String name) {
        if (!result.dimensions().contains(name)) {
            throw new IllegalArgumentException("the study has no dimension '" + name + "'; it has " + result.dimensions());
        }
        this.dimension = name;
        return this;
    }

    /** The backbone's score on the same data and metric, drawn as a dashed line (NaN = none). */
    public ContextStudyChart backbone(double score) {
        this.backbone = score;
        return this;
    }

    /** The chart's title. */
    public ContextStudyChart title(String newTitle) {
        this.title = Objects.requireNonNull(newTitle, "title");
        return this;
    }

    /** The image size in pixels (default 720 x 480). */
    public ContextStudyChart size(int newWidth, int newHeight) {
        this.width = newWidth;
        this.height = newHeight;
        return this;
    }

    /** Builds the chart. */
    public Chart build() {
        XYSeriesCollection data = new XYSeriesCollection();
        int[] sizes = result.sizes();
        List<String> selectors = result.selectors();
        for (String sel : selectors) {
            XYSeries s = new XYSeries(displayName(sel));
            for (int c : sizes) {
                s.add(c, dimension == null ? result.mean(sel, c) : result.score(sel, c, dimension));
            }
            data.addSeries(s);
        }
        boolean withBackbone = Double.isFinite(backbone);
        if (withBackbone) {
            XYSeries b = new XYSeries("Backbone");
            b.add(sizes[0], backbone);
            b.add(sizes[sizes.length - 1], backbone);
            data.addSeries(b);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        int others = 0;
        for (int i = 0; i < selectors.size(); i++) {
            Color c = switch (selectors.get(i)) {
                case "lowest-sigma" -> ChartStyle.LOWEST;
                case "highest-sigma" -> ChartStyle.HIGHEST;
                case "random" -> ChartStyle.RANDOM;
                default -> ChartStyle.OTHERS[others++ % ChartStyle.OTHERS.length];
            };
            r.setSeriesPaint(i, c);
            r.setSeriesStroke(i, ChartStyle.THICK);
            r.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
        }
        if (withBackbone) {
            int b = selectors.size();
            r.setSeriesPaint(b, ChartStyle.GROUND_TRUTH);
            r.setSeriesStroke(b, ChartStyle.DASHED);
            r.setSeriesShapesVisible(b, false);
        }
        NumberAxis x = new NumberAxis("number of context points");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        double pad = Math.max(1, (sizes[sizes.length - 1] - sizes[0]) * 0.04);
        x.setRange(sizes[0] - pad, sizes[sizes.length - 1] + pad);
        String what = dimension == null ? "mean over " + String.join(", ", result.dimensions()) : dimension;
        NumberAxis y = new NumberAxis(result.metric().displayName() + " (" + what + ")");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, r);
        String heading = title != null ? title : "Context selection: " + result.metric().displayName()
                + " vs number of context points";
        JFreeChart chart = new JFreeChart(heading, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        return new Chart(chart, width, height);
    }

    /** The selector names of the study as the paper's legend reads ({@code "lowest σ"}). */
    static String displayName(String selector) {
        return switch (selector) {
            case "lowest-sigma" -> "lowest σ";
            case "highest-sigma" -> "highest σ";
            default -> selector;
        };
    }
}
