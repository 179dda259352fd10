package org.affectiveprocesses.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.affectiveprocesses.api.AffectCorpus;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.ContextSelector;
import org.affectiveprocesses.api.ContextSelectors;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.charts.ContextStudyChart;
import org.affectiveprocesses.charts.HtmlReport;
import org.affectiveprocesses.charts.ReliabilityChart;
import org.affectiveprocesses.corpora.CrossValidation;
import org.affectiveprocesses.evaluation.ContextStudy;
import org.affectiveprocesses.evaluation.Evaluation;
import org.affectiveprocesses.metrics.Metric;
import org.affectiveprocesses.metrics.Pooling;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ap evaluate}: scores one model on a split, or one model per fold on each fold's test
 * split (pooled over all folds and per fold), against the backbone; prints paper-style tables and
 * writes JSON, CSV and an HTML report with the paper's figures on request.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate trained models on a split (or one model per fold) against the backbone.",
            "Examples:",
            "  ap evaluate --store sewa-store -m sewa.apmodel --split test --html report.html",
            "  ap evaluate --store disfa-store -m f1.apmodel -m f2.apmodel -m f3.apmodel \\",
            "      --split fold1/test --split fold2/test --split fold3/test --json disfa.json"})
public final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "FILE",
            description = "a model file; repeat with --split for cross-validation (one model per fold)")
    List<Path> models;

    @Option(names = {"-s", "--split"}, paramLabel = "SPLIT",
            description = "the split to score (default: test); with several models, one per model")
    List<String> splits;

    @Option(names = "--pooling", paramLabel = "RULE",
            description = "pooled (all frames at once, the paper; default) or per-sequence (mean over sequences)")
    String pooling = "pooled";

    @Mixin
    InferenceOverrides protocol;

    @Option(names = "--json", paramLabel = "FILE", description = "also write every score as JSON")
    Path json;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write every score as CSV (scope,model,metric,dimension,value)")
    Path csv;

    @Option(names = "--html", paramLabel = "FILE", description = "also write an HTML report with tables and figures")
    Path html;

    @Option(names = "--figures-dir", paramLabel = "DIR", description = "also write the report's figures as PNG files here")
    Path figuresDir;

    @Option(names = "--figures", paramLabel = "N",
            description = "sequences to draw (Fig. 4) in the HTML report and figures directory (default ${DEFAULT-VALUE})")
    int figures = 2;

    @Option(names = "--samples", paramLabel = "N", description = "function samples drawn in Fig. 4 (default ${DEFAULT-VALUE})")
    int samples = 10;

    @Option(names = "--context-study", description = "also run the context-selection study (Fig. 3) on the first split")
    boolean contextStudy;

    @Option(names = "--sizes", split = ",", paramLabel = "C", description = "context sizes of the study (default 10,20,30,40,50,60)")
    int[] sizes = {10, 20, 30, 40, 50, 60};

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        List<String> splitNames = splits == null || splits.isEmpty() ? List.of("test") : splits;
        if (models.size() > 1 && models.size() != splitNames.size()) {
            throw new ParameterException(spec.commandLine(), models.size() + " models need " + models.size()
                    + " --split options (one test split per fold), got " + splitNames.size());
        }
        Pooling rule = switch (pooling.toLowerCase(Locale.ROOT)) {
            case "pooled" -> Pooling.POOLED;
            case "per-sequence" -> Pooling.PER_SEQUENCE_MEAN;
            default -> throw new ParameterException(spec.commandLine(), "--pooling must be pooled or per-sequence, got '"
                    + pooling + "'");
        };
        if (figures < 0 || samples < 0) {
            throw new ParameterException(spec.commandLine(), "--figures and --samples must be >= 0");
        }
        if (samples > InferenceOptions.MAX_SAMPLES) {
            throw new ParameterException(spec.commandLine(), "--samples must be at most " + InferenceOptions.MAX_SAMPLES);
        }
        for (Path file : new Path[] {json, csv, html}) {
            if (file != null) {
                Outputs.checkFile(file, file == json ? "--json" : file == csv ? "--csv" : "--html");
            }
        }
        if (figuresDir != null) {
            Outputs.checkDirectory(figuresDir, "--figures-dir", false);
        }
        AffectCorpus corpus = data.open();
        List<AffectiveProcess> loaded = new ArrayList<>();
        try {
            for (Path m : models) {
                AffectiveProcess ap = AffectiveProcess.load(m);
                loaded.add(ap);
                if (!ap.labelSpace().equals(corpus.labelSpace()) || ap.featureSize() != corpus.featureSize()) {
                    throw new IllegalArgumentException("model " + m + " reads " + ap.featureSize() + " features and predicts "
                            + ap.labelSpace().name() + ", but the data has " + corpus.featureSize() + " features and "
                            + corpus.labelSpace().name() + "; evaluate it on data of its own kind");
                }
            }
            for (int i = 0; i < splitNames.size(); i++) {
                AffectiveProcess ap = loaded.get(loaded.size() == 1 ? 0 : i);
                for (String warning : Evaluation.dataWarnings(ap, corpus.split(splitNames.get(i)))) {
                    System.err.println("ap evaluate: warning: " + models.get(loaded.size() == 1 ? 0 : i) + ": " + warning);
                }
            }
            evaluate(corpus, loaded, splitNames, rule);
        } finally {
            loaded.forEach(AffectiveProcess::close);
        }
        return 0;
    }

    private void evaluate(AffectCorpus corpus, List<AffectiveProcess> aps, List<String> splitNames, Pooling rule)
            throws IOException {
        PrintStream out = System.out;
        Progress progress = new Progress(System.err, !quiet);
        String modelName = aps.get(0).architecture().displayName();
        CrossValidation cv = CrossValidation.of(modelName).pooling(rule)
                .progress((done, total) -> progress.update(done, ""));
        List<String> modelFiles = new ArrayList<>();
        InferenceOptions first = null;
        for (int i = 0; i < splitNames.size(); i++) {
            AffectiveProcess ap = aps.get(aps.size() == 1 ? 0 : i);
            InferenceOptions o = protocol.apply(ap.defaultOptions());
            first = first == null ? o : first;
            String split = splitNames.get(i);
            cv.fold(split, corpus.split(split), seqs -> ap.predictAll(seqs, o));
            modelFiles.add(models.get(aps.size() == 1 ? 0 : i).toString());
        }
        int total = splitNames.stream().mapToInt(s -> corpus.split(s).size()).sum();
        progress.start("scoring " + total + " sequences", total);
        CrossValidation.Report report = cv.run();
        Metric headline = corpus.labelSpace().headlineMetric();
        out.printf(Locale.ROOT, "# %s on %s (%s; window %d, context %d, %s)%n%n", modelName, data.describe(),
                rule == Pooling.POOLED ? "pooled over frames" : "mean over sequences", first.windowLength(),
                first.contextSize(), first.selector().name());
        out.println("## " + headline.displayName() + (report.folds().size() > 1 ? ", per fold and pooled" : ""));
        out.println();
        out.println(report.toMarkdown(headline));
        out.println("## All metrics of " + modelName + (report.folds().size() > 1 ? ", pooled over the folds" : ""));
        out.println();
        out.println(report.pooled().toMarkdown());
        if (report.pooled().hasCalibration()) {
            out.println("## Calibration of σ" + (report.folds().size() > 1 ? ", pooled over the folds" : ""));
            out.println();
            out.println(report.pooled().calibration().toMarkdown());
            for (int i = 0; i < aps.size(); i++) {
                out.println(models.get(i).getFileName() + ": " + CalibrationText.describe(aps.get(i).calibration()));
            }
            out.println();
        }

        ContextStudy.Result study = null;
        if (contextStudy) {
            study = study(aps.get(0), corpus.split(splitNames.get(0)));
            out.println("## Context selection on " + splitNames.get(0) + " (" + headline.displayName() + ", like Fig. 3)");
            out.println();
            out.println(study.toMarkdown());
        }
        if (json != null) {
            Outputs.writeString(json, ReportFiles.json(data.describe(), modelFiles, first, report, study));
            out.println("Wrote " + json);
        }
        if (csv != null) {
            Outputs.writeString(csv, ReportFiles.csv(report));
            out.println("Wrote " + csv);
        }
        if (html != null || figuresDir != null) {
            List<WindowFigures.Figure> figs = WindowFigures.of(aps.get(0), first, corpus.split(splitNames.get(0)),
                    figures, samples);
            if (report.pooled().hasCalibration()) {
                figs.add(0, new WindowFigures.Figure("Reliability diagram" + (report.folds().size() > 1 ? " pooled over the folds"
                        : " on " + splitNames.get(0)) + ": observed against expected frequency of the truth below each"
                        + " predicted quantile; on the diagonal σ is calibrated",
                        ReliabilityChart.of(report.pooled().calibration()).build(), "reliability"));
            }
            if (study != null) {
                figs.add(0, new WindowFigures.Figure("Context selection (Fig. 3) on " + splitNames.get(0)
                        + ": " + headline.displayName() + " vs number of context points; dashed: the backbone",
                        ContextStudyChart.of(study).backbone(report.folds().get(0).backbone().mean(headline)).build(),
                        "fig3-context-study"));
            }
            if (figuresDir != null) {
                Outputs.directory(figuresDir);
                for (WindowFigures.Figure f : figs) {
                    Outputs.write(figuresDir.resolve(f.name() + ".png"), f.chart()::write);
                }
                out.println("Wrote " + figs.size() + " figures to " + figuresDir);
            }
            if (html != null) {
                Outputs.writeString(html, html(report, headline, study, modelFiles, first, figs).html());
                out.println("Wrote " + html);
            }
        }
    }

    private ContextStudy.Result study(AffectiveProcess ap, SequenceDataset data) {
        List<ContextSelector> selectors = new ArrayList<>();
        if (ap.architecture().variant().isStochastic()) {
            selectors.add(ContextSelectors.lowestSigma());
        }
        selectors.add(ContextSelectors.random(7));
        if (ap.architecture().variant().isStochastic()) {
            selectors.add(ContextSelectors.highestSigma());
        }
        try {
            return ContextStudy.of(ap, data).selectors(selectors.toArray(ContextSelector[]::new)).contextSizes(sizes).run();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--sizes: " + e.getMessage(), e);
        }
    }

    private HtmlReport html(CrossValidation.Report report, Metric headline, ContextStudy.Result study,
            List<String> modelFiles, InferenceOptions o, List<WindowFigures.Figure> figs) {
        HtmlReport.Builder b = HtmlReport.builder(report.modelName() + " evaluation")
                .paragraph("Data: " + data.describe() + ". Test protocol: windows of " + o.windowLength() + " frames (hop "
                        + o.hop() + "), " + o.contextSize() + " context frames selected by " + o.selector().name() + ". "
                        + (report.pooled().pooling() == Pooling.POOLED ? "Scores pool every labelled frame of a partition."
                                : "Scores are means over sequences."));
        StringBuilder models = new StringBuilder();
        for (int i = 0; i < report.folds().size(); i++) {
            models.append("split ").append(report.folds().get(i).name()).append(": model ").append(modelFiles.get(i))
                    .append('\n');
        }
        b.preformatted(models.toString().strip());
        b.heading(headline.displayName() + (report.folds().size() > 1 ? " per fold and pooled" : ""));
        b.table("Backbone vs " + report.modelName(), report.table(headline));
        b.heading("All metrics");
        b.table("Pooled", report.pooled());
        b.table("Pooled", report.pooledBackbone());
        if (report.pooled().hasCalibration()) {
            b.heading("Calibration of σ");
            b.markdown(report.pooled().calibration().toMarkdown());
        }
        if (study != null) {
            b.heading("Context selection");
            b.markdown(study.toMarkdown());
        }
        if (!figs.isEmpty()) {
            b.heading("Figures");
            figs.forEach(f -> b.figure(f.caption(), f.chart()));
        }
        return b.build();
    }
}
