package org.affectiveprocesses.charts;

import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.Objects;
import java.util.TreeSet;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.ContextWindow;
import org.affectiveprocesses.api.LabelKind;
import org.affectiveprocesses.api.Prediction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The paper's Fig. 4 for any stretch of a video: for one label dimension, the ground truth, the
 * backbone's pseudo-labels, the Affective Process's mean with a ±1σ band, its function samples
 * (when the prediction holds some) and the context frames the AP selected, drawn as dots on the
 * pseudo-labels they read.
 *
 * <pre>{@code
 * Prediction p = ap.predict(video, ap.defaultOptions().withSamples(10, 7));
 * WindowChart.of(video, p).dimension("valence").window(0).build().save(Path.of("fig4.png"));
 * }</pre>
 *
 * Values are on the normalised scale [-1, 1]; frames without a face or a label leave gaps.
 */
public final class WindowChart {
    /** The default image width. */
    public static final int DEFAULT_WIDTH = 900;
    /** The default image height. */
    public static final int DEFAULT_HEIGHT = 420;

    private final AffectSequence sequence;
    private final Prediction prediction;
    private int dimension;
    private int from;
    private int to;
    private String title;
    private String subtitle;
    private int width = DEFAULT_WIDTH;
    private int height = DEFAULT_HEIGHT;

    private WindowChart(AffectSequence sequence, Prediction prediction) {
        this.sequence = Objects.requireNonNull(sequence, "sequence");
        this.prediction = Objects.requireNonNull(prediction, "prediction");
        if (!sequence.id().equals(prediction.sequenceId()) || sequence.length() != prediction.length()
                || !sequence.labelSpace().equals(prediction.labelSpace())) {
            throw new IllegalArgumentException("the prediction (" + prediction.sequenceId() + ", " + prediction.length()
                    + " frames) is not of the sequence (" + sequence.id() + ", " + sequence.length() + " frames)");
        }
        if (prediction.windows().isEmpty()) {
            this.to = sequence.length();
        } else {
            ContextWindow w = prediction.windows().get(0);
            this.from = w.start();
            this.to = w.start() + w.length();
        }
    }

    /** A chart of a sequence and the prediction for it; by default dimension 0 and the first window. */
    public static WindowChart of(AffectSequence sequence, Prediction prediction) {
        return new WindowChart(sequence, prediction);
    }

    /** The label dimension to draw, by index. */
    public WindowChart dimension(int d) {
        this.dimension = Objects.checkIndex(d, sequence.labelSize());
        return this;
    }

    /** The label dimension to draw, by name (e.g. {@code "arousal"}, {@code "AU12"}). */
    public WindowChart dimension(String name) {
        this.dimension = sequence.labelSpace().indexOf(name);
        return this;
    }

    /**
     * Draws the frames of one of the windows the model read.
     *
     * @throws IndexOutOfBoundsException if there is no such window
     */
    public WindowChart window(int index) {
        ContextWindow w = prediction.windows().get(Objects.checkIndex(index, prediction.windows().size()));
        return frames(w.start(), w.start() + w.length());
    }

    /**
     * Draws the frames {@code [fromFrame, toFrame)}.
     *
     * @throws IllegalArgumentException if the range is empty or outside the sequence
     */
    public WindowChart frames(int fromFrame, int toFrame) {
        if (fromFrame < 0 || toFrame > sequence.length() || toFrame - fromFrame < 2) {
            throw new IllegalArgumentException("frames [" + fromFrame + ", " + toFrame + ") are not a range of at least 2 of the "
                    + sequence.length() + " frames of '" + sequence.id() + "'");
        }
        this.from = fromFrame;
        this.to = toFrame;
        return this;
    }

    /**
     * A line under the title, e.g. what σ and the samples are ({@code ap plot window} says whether σ
     * is calibrated and that the samples are the decoder's mean for latents drawn from N(μ_C, σ_C)).
     *
     * @param text the subtitle
     * @return this builder
     */
    public WindowChart subtitle(String text) {
        this.subtitle = Objects.requireNonNull(text, "subtitle");
        return this;
    }

    /** The chart's title (default: the sequence and the frames). */
    public WindowChart title(String newTitle) {
        this.title = Objects.requireNonNull(newTitle, "title");
        return this;
    }

    /** The image size in pixels (default 900 x 420). */
    public WindowChart size(int newWidth, int newHeight) {
        this.width = newWidth;
        this.height = newHeight;
        return this;
    }

    /** Builds the chart. */
    public Chart build() {
        String dim = sequence.labelSpace().dimension(dimension);
        XYSeries truth = new XYSeries("Ground truth");
        XYSeries backbone = new XYSeries("Backbone (pseudo-labels)");
        XYSeries mean = new XYSeries("AP mean");
        YIntervalSeries band = new YIntervalSeries("AP ± 1σ");
        XYSeriesCollection samples = new XYSeriesCollection();
        XYSeries context = new XYSeries("Context frames");
        double lo = -1.05;
        double hi = 1.05;
        for (int t = from; t < to; t++) {
            boolean valid = sequence.isValid(t);
            float y = sequence.label(t, dimension);
            truth.add(t, valid && !Float.isNaN(y) ? (Number) y : null);
            backbone.add(t, valid ? (Number) sequence.pseudoLabel(t, dimension) : null);
            if (prediction.isPredicted(t)) {
                double m = prediction.mean(t, dimension);
                double s = prediction.std(t, dimension);
                mean.add(t, m);
                band.add(t, m, m - s, m + s);
                lo = Math.min(lo, m - s - 0.05);
                hi = Math.max(hi, m + s + 0.05);
            } else {
                mean.add(t, null);
            }
            if (valid) {
                lo = Math.min(lo, sequence.pseudoLabel(t, dimension) - 0.05);
                hi = Math.max(hi, sequence.pseudoLabel(t, dimension) + 0.05);
            }
        }
        for (int n = 0; n < prediction.numSamples(); n++) {
            XYSeries s = new XYSeries(n == 0 ? "Function samples" : "Function sample " + (n + 1));
            for (int t = from; t < to; t++) {
                double v = prediction.sample(n, t, dimension);
                s.add(t, prediction.isPredicted(t) && Double.isFinite(v) ? (Number) v : null);
                if (prediction.isPredicted(t) && Double.isFinite(v)) {
                    lo = Math.min(lo, v - 0.05);
                    hi = Math.max(hi, v + 0.05);
                }
            }
            samples.addSeries(s);
        }
        TreeSet<Integer> ctx = new TreeSet<>();
        for (ContextWindow w : prediction.windows()) {
            for (int f : w.contextFrames()) {
                if (f >= from && f < to && sequence.isValid(f)) {
                    ctx.add(f);
                }
            }
        }
        for (int f : ctx) {
            context.add(f, sequence.pseudoLabel(f, dimension));
        }

        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(truth);
        lines.addSeries(backbone);
        lines.addSeries(mean);
        NumberAxis x = new NumberAxis("frame");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setRange(from, Math.max(from + 1, to - 1));
        String unit = sequence.labelSpace().kind() == LabelKind.ACTION_UNITS ? " intensity (normalised)" : "";
        NumberAxis yAxis = new NumberAxis(dim + unit);
        yAxis.setRange(lo, hi);

        XYPlot plot = new XYPlot();
        plot.setDomainAxis(x);
        plot.setRangeAxis(yAxis);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setDataset(0, new YIntervalSeriesCollection());
        ((YIntervalSeriesCollection) plot.getDataset(0)).addSeries(band);
        plot.setRenderer(0, bandRenderer());
        plot.setDataset(1, samples);
        plot.setRenderer(1, sampleRenderer(samples.getSeriesCount()));
        plot.setDataset(2, lines);
        plot.setRenderer(2, lineRenderer());
        plot.setDataset(3, new XYSeriesCollection(context));
        plot.setRenderer(3, dotRenderer());

        String heading = title != null ? title : sequence.id() + ": " + dim + ", frames " + from + "-" + (to - 1);
        JFreeChart chart = new JFreeChart(heading, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        if (subtitle != null) {
            chart.addSubtitle(0, new TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
        }
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        return new Chart(chart, width, height);
    }

    private static DeviationRenderer bandRenderer() {
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setSeriesFillPaint(0, ChartStyle.BAND);
        r.setSeriesStroke(0, ChartStyle.THIN);
        r.setAlpha(1f);
        r.setLegendLine(new java.awt.Rectangle(-8, -5, 16, 10));
        r.setSeriesPaint(0, ChartStyle.BAND_EDGE);
        return r;
    }

    private static XYLineAndShapeRenderer sampleRenderer(int count) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < count; i++) {
            r.setSeriesPaint(i, ChartStyle.SAMPLE);
            r.setSeriesStroke(i, ChartStyle.THIN);
            r.setSeriesVisibleInLegend(i, i == 0);
        }
        return r;
    }

    private static XYLineAndShapeRenderer lineRenderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, ChartStyle.GROUND_TRUTH);
        r.setSeriesStroke(0, ChartStyle.THICK);
        r.setSeriesPaint(1, ChartStyle.BACKBONE);
        r.setSeriesStroke(1, ChartStyle.MEDIUM);
        r.setSeriesPaint(2, ChartStyle.AP);
        r.setSeriesStroke(2, ChartStyle.THICK);
        return r;
    }

    private static XYLineAndShapeRenderer dotRenderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesPaint(0, ChartStyle.CONTEXT);
        r.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        return r;
    }
}
