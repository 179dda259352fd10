package org.affectiveprocesses.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.affectiveprocesses.api.AffectCorpus;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.ApVariant;
import org.affectiveprocesses.api.ContextSelectors;
import org.affectiveprocesses.api.EpochReport;
import org.affectiveprocesses.api.LabelKind;
import org.affectiveprocesses.api.Objective;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.api.TrainingListener;
import org.affectiveprocesses.evaluation.ContextStudy;
import org.affectiveprocesses.evaluation.Evaluation;
import org.affectiveprocesses.metrics.EvaluationReport;
import org.affectiveprocesses.metrics.Metric;
import org.affectiveprocesses.metrics.ResultsTable;
import org.affectiveprocesses.synthetic.SyntheticAffectCorpus;
import org.affectiveprocesses.synthetic.SyntheticConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The main job: on the built-in synthetic corpus, train the backbone head and the Affective
 * Process, evaluate on the test split (backbone vs AP), run the context-selection study (Fig. 3)
 * and the loss ablation (Table 1), and print paper-style tables.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train and evaluate the Affective Process on the built-in synthetic corpus "
                + "and print the paper's tables (backbone vs AP, context selection, loss ablation).")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--labels", description = "va (valence/arousal, default) or au (BP4D Action Units)")
    String labels = "va";

    @Option(names = "--seed", description = "seed of the corpus and the training (default ${DEFAULT-VALUE})")
    long seed = SyntheticConfig.DEFAULT_SEED;

    @Option(names = "--epochs", description = "epochs (default ${DEFAULT-VALUE}; the paper: 25)")
    int epochs = 6;

    @Option(names = "--iterations", description = "steps per epoch (default ${DEFAULT-VALUE}; the paper: 1000)")
    int iterations = 250;

    @Option(names = "--objective", description = "training objective: nll, nll+kl, nll+reg (default), nll+reg+kl")
    String objective = "nll+reg";

    @Option(names = "--full", description = "the paper's schedule: 25 epochs x 1000 steps")
    boolean full;

    @Option(names = "--min-context", paramLabel = "N", description = "fewest context frames of a training clip "
            + "(the preset's: 3, as in the paper's Sec. 4.2; 1 also trains single-frame contexts, whose σ the "
            + "lowest-σ selection reads, Sec. 3.2.2)")
    Integer minContext;

    @Option(names = "--ablation", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "run the loss ablation of Table 1 (default: on; --no-ablation to skip)")
    boolean ablation;

    @Option(names = "--variants", description = "also train the architecture variants of Table 1")
    boolean variants;

    @Option(names = "--standardize", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "standardise the features with the training split's statistics (default: on; "
                    + "--no-standardize reads them raw, as the paper does)")
    boolean standardize;

    @Option(names = "--report", paramLabel = "DIR",
            description = "also write report.html and the figures (Fig. 3, Fig. 4) as PNG files into DIR")
    java.nio.file.Path report;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() throws java.io.IOException {
        PrintStream out = System.out;
        long started = System.nanoTime();
        if (full) {
            epochs = 25;
            iterations = 1000;
        }
        boolean au = labels.equalsIgnoreCase("au");
        if (!au && !labels.equalsIgnoreCase("va")) {
            throw new ParameterException(spec.commandLine(), "--labels must be va or au, got '" + labels + "'");
        }
        TrainingConfig base = config(au);
        if (report != null) {
            Outputs.checkDirectory(report, "--report", false);
        }
        Progress progress = new Progress(System.err, !quiet);
        progress.note("generating the synthetic " + labels + " corpus (seed " + seed + ")");
        SyntheticAffectCorpus corpus = SyntheticAffectCorpus.generate(corpusConfig());
        out.println("# Affective Process on " + corpus);
        out.println();
        Metric headline = corpus.labelSpace().headlineMetric();

        out.printf(Locale.ROOT,
                "Training the AP (%s, %s): %d epochs x %d steps, batch %d, contexts of %d to L frames%n",
                base.architecture().displayName(), base.objective().label(), epochs, iterations, base.batchSize(),
                base.minContextPoints());
        AffectiveProcess ap = train(base, corpus, progress, true);
        EvaluationReport backbone = Evaluation.ofBackbone(corpus.split("test"), "Backbone (W)");
        EvaluationReport apReport = Evaluation.of(ap, corpus.split("test"), ap.defaultOptions());
        out.println();
        out.println("## Test split: backbone vs AP (" + headline.displayName() + ", like the paper's Table "
                + (au ? "5" : "2") + ")");
        out.println();
        out.println(ResultsTable.of(headline, renamed(backbone, "Backbone"), renamed(apReport, "AP")).toMarkdown());
        if (au || corpus.labelSpace().kind() != LabelKind.VALENCE_AROUSAL) {
            out.println("MSE (normalised scale):");
            out.println();
            out.println(ResultsTable.of(Metric.MSE, renamed(backbone, "Backbone"), renamed(apReport, "AP")).toMarkdown());
        }
        out.println("## Calibration of σ on the test split (variance scaling fitted on the validation split)");
        out.println();
        CalibrationText.BeforeAfter calibration = CalibrationText.measure(ap, corpus.split("test"));
        out.println(CalibrationText.table(calibration, ap.calibration()));
        out.println("Per dimension, calibrated:");
        out.println();
        out.println(calibration.after().toMarkdown());
        out.println("## Context selection on the test split (" + headline.displayName()
                + " mean over dimensions, like Fig. 3)");
        out.println();
        ContextStudy.Result study = ContextStudy.of(ap, corpus.split("test"))
                .selectors(ContextSelectors.lowestSigma(), ContextSelectors.random(7), ContextSelectors.highestSigma())
                .contextSizes(10, 20, 30, 40, 50, 60).run();
        out.println(meanTable(study));
        out.printf(Locale.ROOT, "Backbone: %.3f%n", backbone.mean(headline));
        out.println("The last rows: the backbone's error on the frames each selector chose, relative to its error on all");
        out.println("the window's frames (below 1: the selector picks frames the backbone got right, as in the paper's Fig. 4).");
        out.println();

        if (ablation) {
            out.println("## Ablation on the validation split (" + headline.displayName() + ", like Table 1)");
            out.println();
            List<EvaluationReport> rows = new ArrayList<>();
            StringBuilder selection = new StringBuilder("| Model | lowest σ | random | highest σ |\n|---|---|---|---|\n");
            rows.add(renamed(Evaluation.ofBackbone(corpus.split("validation"), "Backbone"), "Backbone"));
            for (Objective o : Objective.values()) {
                AffectiveProcess m = o == base.objective() ? ap : train(base.withObjective(o), corpus, progress, false);
                rows.add(renamed(Evaluation.of(m, corpus.split("validation"), m.defaultOptions()), "AP " + o.label()));
                selection.append(selectionRow("AP " + o.label(), m, corpus, headline));
                if (m != ap) {
                    m.close();
                }
            }
            if (variants) {
                for (ApArchitecture a : new ApArchitecture[] {ApArchitecture.paper().withVariant(ApVariant.DETERMINISTIC),
                        ApArchitecture.paper().withVariant(ApVariant.LATENT_DETERMINISTIC),
                        ApArchitecture.paper().withPseudoLabels(false),
                        ApArchitecture.paper().withVariant(ApVariant.LATENT_DETERMINISTIC_ATTENTION)}) {
                    try (AffectiveProcess m = train(base.withArchitecture(a), corpus, progress, false)) {
                        rows.add(renamed(Evaluation.of(m, corpus.split("validation"), m.defaultOptions()), a.displayName()));
                        if (a.variant().isStochastic()) {
                            selection.append(selectionRow(a.displayName(), m, corpus, headline));
                        }
                    }
                }
            }
            out.println(ResultsTable.of(headline, rows).toMarkdown());
            out.println("Context selection per model (validation " + headline.displayName()
                    + " mean, C = 40 of 70):");
            out.println();
            out.println(selection);
        }
        if (report != null) {
            DemoReport.write(report, ap, corpus, backbone, apReport, study, calibration);
        }
        ap.close();
        out.printf(Locale.ROOT, "Done in %.0f s.%n", (System.nanoTime() - started) / 1e9);
        return 0;
    }

    /** One row: the model's mean score with lowest-σ, random and highest-σ context at C = 40. */
    private static String selectionRow(String name, AffectiveProcess m, AffectCorpus corpus, Metric metric) {
        StringBuilder row = new StringBuilder("| " + name + " |");
        for (var selector : List.of(ContextSelectors.lowestSigma(), ContextSelectors.random(7),
                ContextSelectors.highestSigma())) {
            EvaluationReport r = Evaluation.of(m, corpus.split("validation"), m.defaultOptions().withSelector(selector));
            row.append(String.format(Locale.ROOT, " %.3f |", r.mean(metric)));
        }
        return row.append('\n').toString();
    }

    /** The corpus of the options: the --labels preset (va or au, checked by the caller) with the --seed. */
    SyntheticConfig corpusConfig() {
        return SyntheticConfig.preset(labels, seed);
    }

    /** The training configuration of the options, checked before any work (a bad value is a usage error). */
    private TrainingConfig config(boolean au) {
        try {
            TrainingConfig preset = (au ? TrainingConfig.actionUnits() : TrainingConfig.valenceArousal())
                    .withSeed(seed).withSchedule(epochs, iterations).withObjective(TrainCommand.objective(objective))
                    .withInputStandardization(standardize);
            return minContext == null ? preset : preset.toBuilder().minContextPoints(minContext).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private static AffectiveProcess train(TrainingConfig config, AffectCorpus corpus, Progress progress,
            boolean verbose) {
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onStep(int epoch, int step, int stepsPerEpoch, double loss) {
                if (step == 1) {
                    progress.start(String.format(Locale.ROOT, "%s epoch %d/%d", config.objective().label(), epoch,
                            config.epochs()), stepsPerEpoch);
                }
                progress.update(step, String.format(Locale.ROOT, "loss %.4f", loss));
            }

            @Override
            public void onEpoch(EpochReport report) {
                if (verbose) {
                    System.out.println("  " + report.toLine());
                }
            }
        };
        return AffectiveProcess.trainer(config).listener(listener)
                .fit(corpus.split("train"), corpus.split("validation"));
    }

    private static EvaluationReport renamed(EvaluationReport r, String name) {
        return r.withModelName(name);
    }

    /** The mean scores, then the relative backbone error of each selector's context frames. */
    private static String meanTable(ContextStudy.Result study) {
        StringBuilder sb = new StringBuilder("| Selector |");
        for (int c : study.sizes()) {
            sb.append(" C=").append(c).append(" |");
        }
        sb.append("\n|---|").append("---|".repeat(study.sizes().length)).append('\n');
        for (String s : study.selectors()) {
            sb.append("| ").append(s).append(" |");
            for (int c : study.sizes()) {
                sb.append(String.format(Locale.ROOT, " %.3f |", study.mean(s, c)));
            }
            sb.append('\n');
        }
        for (String s : study.selectors()) {
            sb.append("| ").append(s).append(": backbone error on its context |");
            for (int c : study.sizes()) {
                sb.append(String.format(Locale.ROOT, " %.2f |", study.contextError(s, c)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
