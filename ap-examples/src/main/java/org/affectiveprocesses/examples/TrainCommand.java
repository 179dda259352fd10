package org.affectiveprocesses.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.affectiveprocesses.api.AffectCorpus;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.EpochReport;
import org.affectiveprocesses.api.LabelKind;
import org.affectiveprocesses.api.Objective;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.api.TrainingListener;
import org.affectiveprocesses.api.UncertaintyCalibration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ap train}: trains an Affective Process on a feature store or the synthetic corpus with
 * the paper's protocol (valence/arousal or Action Unit preset, chosen by the data's labels) and
 * writes the model file.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train an Affective Process on a feature store (or the synthetic corpus) and save it.",
            "Example: ap train --store sewa-store --out sewa.apmodel"})
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "the model file to write (.apmodel)")
    Path out;

    @Option(names = "--train", paramLabel = "SPLIT", description = "training split (default ${DEFAULT-VALUE})")
    String trainSplit = "train";

    @Option(names = "--validation", paramLabel = "SPLIT",
            description = "validation split for model selection (default ${DEFAULT-VALUE})")
    String validationSplit = "validation";

    @Option(names = "--epochs", description = "epochs (default ${DEFAULT-VALUE}; the paper: 25)")
    int epochs = 6;

    @Option(names = "--iterations", description = "steps per epoch (default ${DEFAULT-VALUE}; the paper: 1000)")
    int iterations = 250;

    @Option(names = "--full", description = "the paper's schedule: 25 epochs x 1000 steps")
    boolean full;

    @Option(names = "--min-context", paramLabel = "N", description = "fewest context frames of a training clip "
            + "(the preset's: 3, as in the paper's Sec. 4.2; 1 also trains single-frame contexts, whose σ the "
            + "lowest-σ selection reads, Sec. 3.2.2)")
    Integer minContext;

    @Option(names = "--seed", description = "training seed (default ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--batch", paramLabel = "N", description = "clips per step (the preset's: 16 for va, 6 for AUs)")
    Integer batch;

    @Option(names = "--lr", paramLabel = "RATE", description = "initial learning rate (the preset's: 2.5e-4 va, 1e-4 AUs)")
    Double learningRate;

    @Option(names = "--objective", description = "nll, nll+kl, nll+reg (default), nll+reg+kl")
    String objective = "nll+reg";

    @Option(names = "--hidden", paramLabel = "N", description = "width of the encoder and decoder (the paper: 128)")
    Integer hidden;

    @Option(names = "--latent", paramLabel = "N", description = "size of r and z (the paper: 128)")
    Integer latent;

    @Option(names = "--standardize", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "standardise the features with the training split's statistics (default: on; "
                    + "--no-standardize reads them raw, as the paper does)")
    boolean standardize;

    @Option(names = "--calibrate", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "calibrate σ on the validation split after training (variance scaling; default: on)")
    boolean calibrate;

    @Mixin
    InferenceOverrides validationProtocol;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        config(LabelKind.VALENCE_AROUSAL); // the options, checked before any work (both presets share the rules)
        Outputs.checkFile(out, "--out");
        PrintStream console = System.out;
        AffectCorpus corpus = data.open();
        SequenceDataset train = corpus.split(trainSplit);
        SequenceDataset validation = corpus.split(validationSplit);
        TrainingConfig config = config(corpus.labelSpace().kind());
        console.printf(Locale.ROOT, "Training %s (%s) on %s: %s (%d sequences), validating on %s (%d)%n",
                config.architecture().displayName(), config.objective().label(), data.describe(), train.name(),
                train.size(), validation.name(), validation.size());
        console.printf(Locale.ROOT, "%d epochs x %d steps, batch %d, lr %.2e, seed %d%n", config.epochs(),
                config.iterationsPerEpoch(), config.batchSize(), config.learningRate(), config.seed());
        Progress progress = new Progress(System.err, !quiet);
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onStep(int epoch, int step, int stepsPerEpoch, double loss) {
                if (step == 1) {
                    progress.start(String.format(Locale.ROOT, "epoch %d/%d", epoch, config.epochs()), stepsPerEpoch);
                }
                progress.update(step, String.format(Locale.ROOT, "loss %.4f", loss));
            }

            @Override
            public void onEpoch(EpochReport report) {
                console.println("  " + report.toLine());
            }
        };
        try (AffectiveProcess ap = AffectiveProcess.trainer(config).listener(listener).fit(train, validation)) {
            ap.save(out);
            StringBuilder scores = new StringBuilder();
            ap.info().provenance().validationScores().forEach((k, v) ->
                    scores.append(String.format(Locale.ROOT, "%s%s %.3f", scores.length() == 0 ? "" : ", ", k, v)));
            console.printf(Locale.ROOT, "Saved %s: %,d parameters, best epoch %d; validation %s%n", out,
                    ap.info().parameters(), ap.info().provenance().bestEpoch(), scores);
            console.println();
            console.println("## Calibration of σ on " + validation.name());
            console.println();
            console.println(CalibrationText.table(CalibrationText.measure(ap, validation), ap.calibration()));
        }
        return 0;
    }

    /** The configuration of the options for data of this kind; a bad option is a usage error. */
    private TrainingConfig config(LabelKind kind) {
        try {
            TrainingConfig base = kind == LabelKind.ACTION_UNITS
                    ? TrainingConfig.actionUnits() : TrainingConfig.valenceArousal();
            TrainingConfig.Builder b = base.toBuilder().seed(seed).epochs(full ? 25 : epochs)
                    .iterationsPerEpoch(full ? 1000 : iterations).objective(objective(objective))
                    .standardizeInputs(standardize).calibration(calibrate ? UncertaintyCalibration.Method.VARIANCE_SCALING
                            : UncertaintyCalibration.Method.NONE);
            if (batch != null) {
                b.batchSize(batch);
            }
            if (learningRate != null) {
                b.learningRate(learningRate);
            }
            if (minContext != null) {
                b.minContextPoints(minContext);
            }
            if (hidden != null || latent != null) {
                ApArchitecture paper = ApArchitecture.paper();
                b.architecture(paper.withSizes(hidden != null ? hidden : paper.hiddenSize(),
                        latent != null ? latent : paper.latentSize()));
            }
            b.validation(validationProtocol.apply(base.validation()));
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /**
     * The objective of its paper label.
     *
     * @throws IllegalArgumentException naming the labels if there is no such objective
     */
    static Objective objective(String label) {
        for (Objective o : Objective.values()) {
            if (o.label().equalsIgnoreCase(label)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown objective '" + label + "'; expected nll, nll+kl, nll+reg or nll+reg+kl");
    }
}
