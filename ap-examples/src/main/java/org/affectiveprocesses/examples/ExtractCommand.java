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
 * {@code ap extract}: a video in, its feature file (x<sub>t</sub>, ŷ<sub>t</sub>, timestamps, face
 * boxes, validity) and a per-frame CSV out, through the default face detector and backbone.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Video -> feature file (.npz: features, pseudo-labels, timestamps, face boxes, validity)"
                + " and a per-frame CSV (face found, detector confidence, valence, arousal, emotion probabilities).",
            "Outputs are written only when the whole video was read; a frame without a face is marked invalid."})
public final class ExtractCommand implements Callable<Integer> {
    @Mixin
    VideoOptions video;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.npz",
            description = "the feature file (default: <video name>.npz in the current folder)")
    Path output;

    @Option(names = "--csv", paramLabel = "FILE.csv", description = "the per-frame CSV (default: <video name>.csv)")
    Path csv;

    @Option(names = "--bench", description = "print where the time went: decode, detect, backbone")
    boolean bench;

    @Override
    public Integer call() throws IOException {
        Path npz = video.outputOr(output, ".npz");
        Path table = video.outputOr(csv, ".csv");
        video.checkBeforeWork(List.of(Map.entry(npz, "--output"), Map.entry(table, "--csv")));
        VideoOptions.report(video.export(null, table, npz), bench);
        System.out.println("wrote " + npz + " and " + table);
        return 0;
    }
}
