package org.affectiveprocesses.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.affectiveprocesses.metrics.EvaluationReport;
import org.affectiveprocesses.metrics.Metric;
import org.affectiveprocesses.metrics.Pooling;
import org.affectiveprocesses.metrics.ResultsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report: tables, markdown, embedded figures, escaping. */
class HtmlReportTest {

    @TempDir
    Path dir;

    private static EvaluationReport report(String name, double gain) {
        double[][] truth = new double[20][2];
        double[][] pred = new double[20][2];
        for (int t = 0; t < 20; t++) {
            truth[t][0] = Math.sin(t);
            truth[t][1] = Math.cos(t);
            pred[t][0] = gain * truth[t][0];
            pred[t][1] = truth[t][1] + 0.1 * gain;
        }
        return EvaluationReport.builder(List.of("valence", "arousal")).modelName(name).addSequence("s", truth, pred)
                .build(Pooling.POOLED, Metric.CCC, Metric.MSE);
    }

    @Test
    void holdsTablesMarkdownAndDecodableFigures() throws IOException {
        EvaluationReport backbone = report("Backbone", 0.5);
        EvaluationReport ap = report("AP <best>", 0.9);
        Chart fig = ContextStudyChart.of(ChartFixtures.study()).size(300, 200).build();

        Path file = HtmlReport.builder("Run & results")
                .paragraph("Synthetic corpus, seed 1.")
                .table("Test split", ResultsTable.of(Metric.CCC, backbone, ap))
                .table("AP, all metrics", ap)
                .markdown("## Context\n\n| Selector | C=10 |\n|---|---|\n| lowest-sigma | 0.620 |\n\ntext line")
                .figure("Fig. 3", fig)
                .build().save(dir.resolve("out/report.html"));

        String html = Files.readString(file);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Run &amp; results</title>")
                .contains("<caption>Test split (CCC)</caption>")
                .contains("<td>AP &lt;best&gt;</td>")
                .contains("<h3>Context</h3>")
                .contains("<td>lowest-sigma</td><td>0.620</td>")
                .contains("<p>text line</p>")
                .contains("Figure 1. Fig. 3")
                .contains("<td>MSE</td>");
        String apCcc = String.format(java.util.Locale.ROOT, "%.3f", ap.value(Metric.CCC, "valence"));
        assertThat(html).contains("<b>" + apCcc + "</b>");
        Matcher m = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(html);
        assertThat(m.find()).isTrue();
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
        assertThat(img.getWidth()).isEqualTo(300);
        assertThat(img.getHeight()).isEqualTo(200);
    }
}
