package org.affectiveprocesses.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.affectiveprocesses.api.AffectCorpus;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.SequenceDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ap calibrate}: refits an Affective Process's σ calibration (variance scaling, one
 * factor per output dimension) on a split of a feature store or the synthetic corpus, prints
 * the calibration before and after on that split, and writes the recalibrated model.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Refit the σ calibration of a model on a validation split and save the model.",
            "Example: ap calibrate --store sewa-store -m sewa.apmodel --split validation -o sewa-cal.apmodel"})
public final class CalibrateCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "FILE", description = "the model file (.apmodel)")
    Path model;

    @Option(names = "--split", paramLabel = "SPLIT",
            description = "the split to fit on (default ${DEFAULT-VALUE}; never the split you report)")
    String split = "validation";

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "the model file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintStream console = System.out;
        AffectCorpus corpus = data.open();
        SequenceDataset fitOn = corpus.split(split);
        try (AffectiveProcess ap = AffectiveProcess.load(model);
                AffectiveProcess calibrated = ap.recalibrate(fitOn)) {
            console.println("Before: " + CalibrationText.describe(ap.calibration()));
            console.println();
            console.println("## Calibration on " + fitOn.name());
            console.println();
            console.println(CalibrationText.table(CalibrationText.measure(calibrated, fitOn), calibrated.calibration()));
            calibrated.save(out);
            console.println("Saved " + out);
        }
        return 0;
    }
}
