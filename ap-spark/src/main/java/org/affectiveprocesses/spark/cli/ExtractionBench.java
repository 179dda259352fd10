package org.affectiveprocesses.spark.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * {@code local[2]} into separate stores; the per-frame CSVs of all three must be identical.
 */
final class ExtractionBench {
    private final List<Path> clips;
    private final int targetFrames;
    private final Path dir;
    private final Map<String, String> conf;

    ExtractionBench(List<Path> clips, int targetFrames, Path dir, Map<String, String> conf) {
        this.clips = clips;
        this.targetFrames = targetFrames;
        this.dir = dir;
        this.conf = conf;
    }

    void run(PrintStream out) throws IOException {
        List<Path> videos = repeatedClips();
        out.printf(Locale.ROOT, "%n## Extraction: %d videos (%s repeated), face-expression backbone, BlazeFace%n%n",
                videos.size(), clips.stream().map(c -> c.getFileName().toString()).toList());
        out.println("| run | frames | seconds | frames/s |");
        out.println("|---|---|---|---|");
        double single = singleProcess(videos, dir.resolve("single"), out);
        double[] spark = new double[2];
        for (int slots = 1; slots <= 2; slots++) {
            SparkSession s = BenchSessions.start("local[" + slots + "]", conf);
            try {
                ExtractReport r = ExtractJob.of(videos, dir.resolve("local" + slots)).run(s);
                if (!r.failures().isEmpty()) {
                    throw new IllegalStateException("extraction failed: " + r.failures());
                }
                spark[slots - 1] = r.framesPerSecond();
                out.printf(Locale.ROOT, "| Spark local[%d] | %d | %.1f | %.1f |%n", slots, r.framesExtracted(),
                        r.wallSeconds(), r.framesPerSecond());
            } finally {
                s.stop();
            }
        }
        out.printf(Locale.ROOT, "%nScaling local[2] / local[1]: %.2f (ideal 2.0); local[1] / single process: %.2f%n",
                spark[1] / spark[0], spark[0] / single);
        out.println("Per-frame CSVs of the three runs identical: " + (sameCsvs(videos) ? "yes" : "NO"));
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
        int rounds = (int) Math.max(1, Math.ceil(targetFrames / (double) perRound));
        List<Path> out = new ArrayList<>();
        for (int k = 1; k <= rounds; k++) {
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

    /** The {@code ap extract} path over every video in turn; frames per second. */
    private static double singleProcess(List<Path> videos, Path out, PrintStream report) throws IOException {
        Files.createDirectories(out.resolve("csv"));
        long t0 = System.nanoTime();
        long frames = 0;
        try (AffectRecognizer r = AffectRecognizer.builder().build()) {
            for (Path v : videos) {
                String stem = stem(v);
                frames += VideoExport.run(r, v, out.resolve("csv").resolve(stem + ".csv"), out.resolve(stem + ".npz"),
                        (f, d, s) -> { }).frames();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        report.printf(Locale.ROOT, "| single process (ap extract path) | %d | %.1f | %.1f |%n", frames, seconds,
                frames / seconds);
        return frames / seconds;
    }

    private boolean sameCsvs(List<Path> videos) throws IOException {
        for (Path v : videos) {
            String csv = "csv/" + stem(v) + ".csv";
            byte[] single = Files.readAllBytes(dir.resolve("single").resolve(csv));
            for (String run : List.of("local1", "local2")) {
                if (!Arrays.equals(single, Files.readAllBytes(dir.resolve(run).resolve(csv)))) {
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
