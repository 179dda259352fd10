package org.affectiveprocesses.spark.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.affectiveprocesses.spark.ExtractJob;
import org.affectiveprocesses.spark.ExtractReport;
import org.affectiveprocesses.video.AffectRecognizer;
import org.affectiveprocesses.video.decode.FrameSource;
import org.affectiveprocesses.video.decode.FrameSources;
import org.affectiveprocesses.video.output.VideoExport;
import org.apache.spark.sql.SparkSession;

/**
 * The extraction benchmark: clips repeated (as hard links with their own names) to about the
 * asked number of frames, extracted by the single-process path of {@code ap extract} (one
 * recognizer, the videos one after another, in this JVM) and by Spark on {@code local[1]} and
 * {@code local[2]}, each into its own store; with several rounds the order alternates, so a
 * machine whose speed drifts weighs on every run alike. The per-frame CSVs of all runs must be
 * identical.
 */
final class ExtractionBench {
    private static final String SINGLE = "single process (ap extract path)";
    private static final List<String> RUNS = List.of(SINGLE, "Spark local[1]", "Spark local[2]");

    private final List<Path> clips;
    private final int targetFrames;
    private final int rounds;
    private final Path dir;
    private final Map<String, String> conf;

    ExtractionBench(List<Path> clips, int targetFrames, int rounds, Path dir, Map<String, String> conf) {
        this.clips = clips;
        this.targetFrames = targetFrames;
        this.rounds = rounds;
        this.dir = dir;
        this.conf = conf;
    }

    void run(PrintStream out) throws IOException {
        List<Path> videos = repeatedClips();
        out.printf(Locale.ROOT, "%n## Extraction: %d videos (%s repeated), face-expression backbone, BlazeFace%n%n",
                videos.size(), clips.stream().map(c -> c.getFileName().toString()).toList());
        out.println("| run | round | frames | seconds | frames/s |");
        out.println("|---|---|---|---|---|");
        Map<String, double[]> totals = new LinkedHashMap<>();
        List<Path> outputs = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            List<String> order = new ArrayList<>(RUNS);
            if (round % 2 == 0) {
                Collections.reverse(order);
            }
            for (String run : order) {
                Path store = dir.resolve("run" + RUNS.indexOf(run) + "-round" + round);
                outputs.add(store);
                double[] fs = run.equals(SINGLE) ? singleProcess(videos, store) : spark(run, videos, store);
                out.printf(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f |%n", run, round, fs[0], fs[1], fs[0] / fs[1]);
                double[] t = totals.computeIfAbsent(run, k -> new double[2]);
                t[0] += fs[0];
                t[1] += fs[1];
            }
        }
        double[] rate = new double[RUNS.size()];
        for (int i = 0; i < RUNS.size(); i++) {
            double[] t = totals.get(RUNS.get(i));
            rate[i] = t[0] / t[1];
            out.printf(Locale.ROOT, "| %s | all | %.0f | %.1f | %.1f |%n", RUNS.get(i), t[0], t[1], rate[i]);
        }
        out.printf(Locale.ROOT, "%nScaling local[2] / local[1]: %.2f (ideal 2.0); local[1] / single process: %.2f;"
                + " local[2] / single process: %.2f%n", rate[2] / rate[1], rate[1] / rate[0], rate[2] / rate[0]);
        out.println("Per-frame CSVs of every run identical: " + (sameCsvs(videos, outputs) ? "yes" : "NO"));
    }

    /** The clips, linked under numbered names until the declared frames reach the target. */
    private List<Path> repeatedClips() throws IOException {
        Path videoDir = Files.createDirectories(dir.resolve("videos"));
        long perRound = 0;
        for (Path c : clips) {
            try (FrameSource s = FrameSources.open(c)) {
                if (s.declaredFrames() < 1) {
                    throw new IllegalArgumentException(c + " does not declare its frame count; give clips that do (avi, mp4)");
                }
                perRound += s.declaredFrames();
            }
        }
        int repeats = (int) Math.max(1, Math.ceil(targetFrames / (double) perRound));
        List<Path> out = new ArrayList<>();
        for (int k = 1; k <= repeats; k++) {
            for (Path c : clips) {
                String name = c.getFileName().toString();
                int dot = name.lastIndexOf('.');
                Path link = videoDir.resolve(name.substring(0, dot) + "-" + k + name.substring(dot));
                if (!Files.exists(link)) {
                    Files.createLink(link, c.toAbsolutePath());
                }
                out.add(link);
            }
        }
        return out;
    }

    /** The {@code ap extract} path over every video in turn: frames and seconds. */
    private static double[] singleProcess(List<Path> videos, Path store) throws IOException {
        Files.createDirectories(store.resolve("csv"));
        long t0 = System.nanoTime();
        long frames = 0;
        try (AffectRecognizer r = AffectRecognizer.builder().build()) {
            for (Path v : videos) {
                String stem = stem(v);
                frames += VideoExport.run(r, v, store.resolve("csv").resolve(stem + ".csv"), store.resolve(stem + ".npz"),
                        (f, d, s) -> { }).frames();
            }
        }
        return new double[] {frames, (System.nanoTime() - t0) / 1e9};
    }

    /** An extraction job on a {@code local[N]} session: frames and seconds. */
    private double[] spark(String run, List<Path> videos, Path store) throws IOException {
        SparkSession s = BenchSessions.start(run.substring(run.indexOf("local")), conf);
        try {
            ExtractReport r = ExtractJob.of(videos, store).run(s);
            if (!r.failures().isEmpty()) {
                throw new IllegalStateException("extraction failed: " + r.failures());
            }
            return new double[] {r.framesExtracted(), r.wallSeconds()};
        } finally {
            s.stop();
        }
    }

    private static boolean sameCsvs(List<Path> videos, List<Path> stores) throws IOException {
        for (Path v : videos) {
            String csv = "csv/" + stem(v) + ".csv";
            byte[] first = Files.readAllBytes(stores.get(0).resolve(csv));
            for (Path store : stores) {
                if (!Arrays.equals(first, Files.readAllBytes(store.resolve(csv)))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String stem(Path v) {
        String name = v.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }
}
