package org.affectiveprocesses.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.affectiveprocesses.api.AffectCorpus;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.charts.ContextStudyChart;
import org.affectiveprocesses.charts.HtmlReport;
import org.affectiveprocesses.charts.ReliabilityChart;
import org.affectiveprocesses.evaluation.ContextStudy;
import org.affectiveprocesses.metrics.EvaluationReport;
import org.affectiveprocesses.metrics.Metric;
import org.affectiveprocesses.metrics.ResultsTable;

/**
 * The pictures of {@code ap demo --report DIR}: {@code report.html} with the test tables, the
 * context study (Fig. 3) and Fig. 4 for two test videos, and the same figures as PNG files.
 */
final class DemoReport {
    private static final int SEQUENCES = 2;
    private static final int SAMPLES = 10;

    private DemoReport() {
    }

    /**
     * Writes the report.
     *
     * @param dir the directory (created if missing; its parent must exist)
     * @param ap the trained model
     * @param corpus the corpus (its test split is drawn)
     * @param backbone the backbone's test report
     * @param apReport the AP's test report
     * @param study the context study on the test split
     * @param calibration the calibration of σ on the test split, before and after
     */
    static void write(Path dir, AffectiveProcess ap, AffectCorpus corpus, EvaluationReport backbone,
            EvaluationReport apReport, ContextStudy.Result study, CalibrationText.BeforeAfter calibration)
            throws IOException {
        Outputs.directory(dir);
        Metric headline = corpus.labelSpace().headlineMetric();
        List<WindowFigures.Figure> figs = new ArrayList<>();
        figs.add(new WindowFigures.Figure("Context selection on the test split (like Fig. 3): " + headline.displayName()
                + " vs number of context points; dashed: the backbone",
                ContextStudyChart.of(study).backbone(backbone.mean(headline)).build(), "fig3-context-study"));
        figs.add(new WindowFigures.Figure("Reliability diagram on the test split: observed against expected frequency of"
                + " the truth below each predicted quantile, per dimension and pooled; dashed grey: σ before calibration",
                ReliabilityChart.of(calibration.after()).uncalibrated(calibration.before()).build(), "reliability"));
        figs.addAll(WindowFigures.of(ap, ap.defaultOptions(), corpus.split("test"), SEQUENCES, SAMPLES));
        HtmlReport.Builder html = HtmlReport.builder("Affective Process on " + corpus.name())
                .paragraph("The built-in synthetic corpus, trained with `ap demo`; every figure is also a PNG file next to "
                        + "this page.")
                .heading("Test split")
                .table("Backbone vs AP", ResultsTable.of(headline, backbone.withModelName("Backbone"),
                        apReport.withModelName("AP")))
                .table("All metrics", apReport.withModelName("AP"))
                .heading("Calibration of σ")
                .markdown(CalibrationText.table(calibration, ap.calibration()))
                .heading("Context selection")
                .markdown(study.toMarkdown())
                .heading("Figures");
        for (WindowFigures.Figure f : figs) {
            Outputs.write(dir.resolve(f.name() + ".png"), f.chart()::write);
            html.figure(f.caption(), f.chart());
        }
        Path page = dir.resolve("report.html");
        Outputs.writeString(page, html.build().html());
        System.out.println("Wrote " + page + " and " + figs.size() + " figures");
    }
}
