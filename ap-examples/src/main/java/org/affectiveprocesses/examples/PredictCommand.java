package org.affectiveprocesses.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ap predict}: a video in, a per-frame CSV out; with an Affective Process trained for the
 * backbone ({@code --model}), the AP's per-frame mean and standard deviation columns too.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Video -> per-frame CSV (face found, detector confidence, valence, arousal, emotion"
                + " probabilities) and, with --model, the Affective Process's mean and std per dimension.",
            "The CSV is written only when the whole video was read."})
public final class PredictCommand implements Callable<Integer> {
    @Mixin
    VideoOptions video;

    @Option(names = "--model", paramLabel = "FILE.apmodel",
            description = "an Affective Process trained on this backbone's features (adds ap_*_mean/std columns)")
    Path model;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.csv",
            description = "the per-frame CSV (default: <video name>.csv in the current folder)")
    Path output;

    @Option(names = "--bench", description = "print where the time went: decode, detect, backbone, temporal model")
    boolean bench;

    @Override
    public Integer call() throws IOException {
        Path table = video.outputOr(output, ".csv");
        video.checkBeforeWork(List.of(Map.entry(table, "--output")));
        VideoOptions.report(video.export(model, table, null), bench);
        System.out.println("wrote " + table);
        return 0;
    }
}
