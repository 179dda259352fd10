package org.affectiveprocesses.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;

/** The look shared by the SDK's charts: white background, light grid, sans-serif fonts. */
final class ChartStyle {
    static final Color GROUND_TRUTH = new Color(0x20, 0x20, 0x20);
    static final Color BACKBONE = new Color(0xE0, 0x8A, 0x1E);
    static final Color AP = new Color(0x1F, 0x5F, 0xBF);
    static final Color BAND = new Color(0x1F, 0x5F, 0xBF, 0x30);
    static final Color BAND_EDGE = new Color(0x1F, 0x5F, 0xBF, 0x90);
    static final Color SAMPLE = new Color(0x2E, 0x9E, 0x6B, 0x90);
    static final Color CONTEXT = new Color(0xC8, 0x1E, 0x3C);
    static final Color LOWEST = new Color(0x1F, 0x5F, 0xBF);
    static final Color HIGHEST = new Color(0xC8, 0x1E, 0x3C);
    static final Color RANDOM = new Color(0x70, 0x70, 0x70);
    static final Color[] OTHERS = {new Color(0x2E, 0x9E, 0x6B), new Color(0x8E, 0x44, 0xAD), new Color(0xE0, 0x8A, 0x1E)};

    static final Stroke THICK = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke MEDIUM = new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke THIN = new BasicStroke(0.9f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke DASHED = new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {7f, 5f}, 0f);

    private ChartStyle() {
    }

    /** Applies the shared look to an XY chart. */
    static void apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setOutlinePaint(new Color(0xAA, 0xAA, 0xAA));
        Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        plot.getDomainAxis().setTickLabelFont(tick);
        plot.getDomainAxis().setLabelFont(label);
        plot.getRangeAxis().setTickLabelFont(tick);
        plot.getRangeAxis().setLabelFont(label);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            legend.setFrame(BlockBorder.NONE);
            legend.setBackgroundPaint(Color.WHITE);
        }
    }
}
