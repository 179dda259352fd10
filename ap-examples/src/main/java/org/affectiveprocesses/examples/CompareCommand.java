package org.affectiveprocesses.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.affectiveprocesses.api.AffectCorpus;
import org.affectiveprocesses.api.AffectModel;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.EpochReport;
import org.affectiveprocesses.api.LabelKind;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.api.TrainingListener;
import org.affectiveprocesses.baselines.BaselineModel;
import org.affectiveprocesses.baselines.BaselineTrainingConfig;
import org.affectiveprocesses.baselines.ComplexityTable;
import org.affectiveprocesses.evaluation.Evaluation;
import org.affectiveprocesses.synthetic.SyntheticAffectCorpus;
import org.affectiveprocesses.synthetic.SyntheticConfig;
import org.affectiveprocesses.corpora.FeatureStore;
import org.affectiveprocesses.metrics.EvaluationReport;
import org.affectiveprocesses.metrics.Metric;
import org.affectiveprocesses.metrics.ResultsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The paper's comparison with its in-house baselines (Sec. 6): on the same features and labels,
 * with the same training budget (optimiser steps and batch size) and the same validation-based
 * model selection, train the Affective Process, a recurrent baseline (ConvGRU for valence/arousal,
 * BiGRU for Action Units) and a Transformer-encoder self-attention model, score all of them and
 * the backbone's pseudo-labels on the test split, and print Table 2 (CCC) or Table 4 (ICC and MSE)
 * and the complexity table.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Train the AP and the paper's in-house baselines (ConvGRU or BiGRU, self-attention) on the same "
                + "features with the same budget; print the paper's comparison table (Table 2 for valence/arousal, "
                + "Table 4 for Action Units) and the complexity table.")
public final class CompareCommand implements Callable<Integer> {
    private static final List<String> SPLITS = List.of("train", "validation", "test");

    @Spec
    CommandSpec spec;

    @Option(names = "--labels", paramLabel = "va|au",
            description = "the synthetic corpus's labels: va (valence/arousal, default) or au (BP4D Action Units)")
    String labels = "va";

    @Option(names = "--store", paramLabel = "DIR",
            description = "your own features instead of the synthetic corpus: a feature store directory with the "
                    + "splits train, validation and test (see `ap import`, docs/CORPORA.md)")
    Path store;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the synthetic corpus and of every training run "
            + "(default ${DEFAULT-VALUE})")
    long seed = SyntheticConfig.DEFAULT_SEED;

    @Option(names = "--epochs", paramLabel = "N", description = "epochs of every model (default ${DEFAULT-VALUE})")
    int epochs = 6;

    @Option(names = "--iterations", paramLabel = "N", description = "optimiser steps per epoch of every model "
            + "(default ${DEFAULT-VALUE})")
    int iterations = 250;

    @Option(names = "--full", description = "the paper's budget: 25 epochs x 1000 steps")
    boolean full;

    @Option(names = "--save", paramLabel = "DIR", description = "also save the trained models there")
    Path saveDirectory;

    @Option(names = "--complexity-only", description = "print only the complexity table (no training)")
    boolean complexityOnly;

    @Override
    public Integer call() throws IOException {
        if (full) {
            epochs = 25;
            iterations = 1000;
        }
        if (epochs < 1 || iterations < 1) {
            throw new ParameterException(spec.commandLine(), "--epochs and --iterations must be >= 1, got " + epochs
                    + " and " + iterations);
        }
        if (saveDirectory != null) {
            Outputs.checkDirectory(saveDirectory, "--save", false);
        }
        PrintStream out = System.out;
        long started = System.nanoTime();
        out.println("## Complexity: parameters and multiply-adds per window (counted from the layers; 512-d features)");
        out.println();
        out.println(ComplexityTable.paper().toMarkdown());
        if (complexityOnly) {
            return 0;
        }
        AffectCorpus corpus = openCorpus();
        boolean au = corpus.labelSpace().kind() == LabelKind.ACTION_UNITS;
        SequenceDataset train = corpus.split("train");
        SequenceDataset validation = corpus.split("validation");
        SequenceDataset test = corpus.split("test");
        TrainingConfig apConfig = (au ? TrainingConfig.actionUnits() : TrainingConfig.valenceArousal()).withSeed(seed)
                .withSchedule(epochs, iterations);
        out.printf(Locale.ROOT, "# The AP against the in-house baselines on %s%n%n", corpus.name());
        out.printf(Locale.ROOT, "Every model: %d epochs x %d steps, batch %d, selected on the validation split by %s.%n%n",
                epochs, iterations, apConfig.batchSize(), apConfig.selectionMetric().displayName());

        List<EvaluationReport> rows = new ArrayList<>();
        rows.add(Evaluation.ofBackbone(test, "Backbone").withModelName("Backbone"));
        BaselineTrainingConfig recurrent = au ? BaselineTrainingConfig.biGru() : BaselineTrainingConfig.convGru();
        BaselineTrainingConfig attention = au ? BaselineTrainingConfig.selfAttentionActionUnits()
                : BaselineTrainingConfig.selfAttentionValenceArousal();
        for (BaselineTrainingConfig c : List.of(recurrent, attention)) {
            BaselineTrainingConfig config = c.withBudgetOf(apConfig);
            String name = config.architecture().displayName();
            out.printf(Locale.ROOT, "Training %s: %s, Adam lr %.1e, weight decay %.0e%n", name,
                    config.architecture().describe(), config.learningRate(), config.weightDecay());
            long t0 = System.nanoTime();
            try (BaselineModel model = BaselineModel.trainer(config).listener(progress(out, name)).fit(train, validation)) {
                rows.add(score(model, test, name, out, t0));
            }
        }
        out.printf(Locale.ROOT, "Training AP: %s, %s%n", apConfig.architecture().displayName(), apConfig.objective().label());
        long t0 = System.nanoTime();
        try (AffectiveProcess ap = AffectiveProcess.trainer(apConfig).listener(progress(out, "AP")).fit(train, validation)) {
            rows.add(score(ap, test, "AP", out, t0));
        }
        out.println();
        if (au) {
            out.println("## Test split: ICC(3,1) per Action Unit (like the paper's Table 4)");
            out.println();
            out.println(ResultsTable.of(Metric.ICC_3_1, rows).toMarkdown());
            out.println("## Test split: MSE per Action Unit (normalised [-1, 1] scale; the paper's supplementary tables)");
            out.println();
            out.println(ResultsTable.of(Metric.MSE, rows).toMarkdown());
        } else {
            out.println("## Test split: CCC (like the paper's Table 2)");
            out.println();
            out.println(ResultsTable.of(Metric.CCC, rows).toMarkdown());
        }
        out.printf(Locale.ROOT, "Done in %.0f s.%n", (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private AffectCorpus openCorpus() throws IOException {
        if (store == null) {
            if (!labels.equalsIgnoreCase("au") && !labels.equalsIgnoreCase("va")) {
                throw new ParameterException(spec.commandLine(), "--labels must be va or au, got '" + labels + "'");
            }
            return SyntheticAffectCorpus.generate(SyntheticConfig.preset(labels, seed));
        }
        AffectCorpus corpus = FeatureStore.open(store);
        if (!corpus.splitNames().containsAll(SPLITS)) {
            throw new ParameterException(spec.commandLine(), "the feature store " + store + " has the splits "
                    + corpus.splitNames() + "; compare needs " + SPLITS);
        }
        return corpus;
    }

    private EvaluationReport score(AffectModel model, SequenceDataset test, String name, PrintStream out, long t0)
            throws IOException {
        if (saveDirectory != null) {
            Outputs.directory(saveDirectory);
            Path file = saveDirectory.resolve(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".apmodel");
            model.save(file);
            out.println("  saved " + file);
        }
        out.printf(Locale.ROOT, "  %s trained in %.0f s (%s)%n%n", name, (System.nanoTime() - t0) / 1e9,
                model.complexity(windowLength(model)));
        return Evaluation.of(model, test).withModelName(name);
    }

    private static int windowLength(AffectModel model) {
        if (model instanceof BaselineModel b) {
            return b.architecture().windowLength();
        }
        return ((AffectiveProcess) model).defaultOptions().windowLength();
    }

    private static TrainingListener progress(PrintStream out, String name) {
        return new TrainingListener() {
            @Override
            public void onEpoch(EpochReport report) {
                out.println("  " + name + " " + report.toLine());
            }
        };
    }
}
