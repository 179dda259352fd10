package org.affectiveprocesses.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.video.AffectRecognizer;
import org.affectiveprocesses.video.FrameAffect;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Video in, per-frame affect out" section, run as written on real clips: videos ->
 * {@code ap extract} -> labels in Aff-Wild2's layout -> {@code ap import} -> {@code ap train} ->
 * {@code ap predict}, then the README's Java code with the model it trained. The clips are the
 * shots of Megamind.avi (Debian opencv-doc); the labels are made for this test by looking at them
 * (the woman's shots pleasant and calm, the man's uneasy and tense).
 */
class VideoToApEndToEndTest {
    @TempDir
    static Path dir;
    private static CliRun imported;
    private static CliRun trained;

    /** A shot of Megamind.avi: its frames, and the label made for it by looking at it. */
    private record Shot(String split, String name, int first, int last, double valence, double arousal) {
    }

    private static final List<Shot> SHOTS = List.of(
            new Shot("Train_Set", "megamind-woman", 1, 97, 0.45, 0.2),
            new Shot("Train_Set", "megamind-man", 200, 269, -0.3, 0.45),
            new Shot("Validation_Set", "megamind-both", 98, 199, 0.0, 0.3));

    /** The README's commands, with the paths of this test (videos/, labels/, features/, store/). */
    @BeforeAll
    static void runTheReadmesCommands() throws IOException {
        Path megamind = Path.of(System.getProperty("ap.testMedia", "target/test-media")).resolve("Megamind.avi");
        assertThat(megamind).as("test media fetched by the build").isRegularFile();
        Files.createDirectories(dir.resolve("features")); // mkdir -p features
        for (Shot s : SHOTS) {
            Path video = dir.resolve("videos").resolve(s.split()).resolve(s.name() + ".avi");
            int frames = cut(megamind, s.first(), s.last(), video);
            writeLabels(dir.resolve("labels").resolve(s.split()).resolve(s.name() + ".txt"), frames, s);
            CliRun extract = CliRun.of("extract", video.toString(), "-o",
                    dir.resolve("features").resolve(s.name() + ".npz").toString(), "--csv",
                    dir.resolve("features").resolve(s.name() + ".csv").toString(), "--quiet");
            assertThat(extract.code()).as(extract.err()).isZero();
        }
        imported = CliRun.of("import", "--layout", "affwild2", "--annotations", dir.resolve("labels").toString(),
                "--features", dir.resolve("features").toString(), "--out", dir.resolve("store").toString(), "--quiet");
        trained = CliRun.of("train", "--store", dir.resolve("store").toString(), "-o",
                dir.resolve("va.apmodel").toString(), "--epochs", "1", "--iterations", "20", "--quiet");
    }

    @Test
    void videosAndLabelsBecomeAStoreAnAffectiveProcessAndItsPredictions() throws IOException {
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("3 videos").contains("train").contains("validation");
        assertThat(trained.code()).as(trained.err()).isZero();
        assertThat(dir.resolve("va.apmodel")).isRegularFile();
        Path csv = dir.resolve("predicted.csv");
        CliRun predict = CliRun.of("predict", dir.resolve("videos/Validation_Set/megamind-both.avi").toString(),
                "--model", dir.resolve("va.apmodel").toString(), "-o", csv.toString(), "--quiet");
        assertThat(predict.code()).as(predict.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        int mean = header.indexOf("ap_valence_mean");
        int std = header.indexOf("ap_valence_std");
        int success = header.indexOf("success");
        int predicted = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells[success].equals("1")) {
                assertThat(Double.parseDouble(cells[mean])).isBetween(-1.5, 1.5);
                assertThat(Double.parseDouble(cells[std])).isPositive();
                predicted++;
            }
        }
        assertThat(predicted).as("frames of the clip with a face").isEqualTo(102);
        System.out.printf(java.util.Locale.ROOT, "jitter on megamind-both.avi (mean |change| between consecutive"
                + " frames of a face): per-frame valence %.3f, the AP's mean %.3f%n", jitter(lines, "valence"),
                jitter(lines, "ap_valence_mean"));
    }

    /** The mean absolute change of a column between consecutive frames of the same face. */
    private static double jitter(List<String> lines, String column) {
        List<String> header = List.of(lines.get(0).split(","));
        int frame = header.indexOf("frame");
        int face = header.indexOf("face_id");
        int value = header.indexOf(column);
        java.util.Map<String, double[]> last = new java.util.HashMap<>();
        double sum = 0;
        int pairs = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            if (c[face].isEmpty()) {
                continue;
            }
            double[] now = {Double.parseDouble(c[frame]), Double.parseDouble(c[value])};
            double[] before = last.put(c[face], now);
            if (before != null && before[0] == now[0] - 1) {
                sum += Math.abs(now[1] - before[1]);
                pairs++;
            }
        }
        return sum / pairs;
    }

    @Test
    void theReadmesJavaCodeRunsWithTheTrainedModel() throws IOException {
        assertThat(trained.code()).as(trained.err()).isZero();
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            readmeVideoExample(dir.resolve("va.apmodel"), dir.resolve("videos/Train_Set/megamind-man.avi"));
        } finally {
            System.setOut(saved);
        }
        List<String> printed = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(printed).hasSize(70).allMatch(l -> l.matches(" *[0-9.]+s face 1 V [+-][0-9.]+ ± [0-9.]+"));
    }

    @Test
    void theReadmeShowsExactlyTheCodeAndTheCommandsRunHere() throws IOException {
        assertThat(ReadmeBlock.shown("video")).isNotEmpty()
                .isEqualTo(ReadmeBlock.compiled(VideoToApEndToEndTest.class, "video"));
        assertThat(Files.readString(ReadmeBlock.root().resolve("README.md"), StandardCharsets.UTF_8))
                .contains("mkdir -p features")
                .contains("./ap extract videos/Train_Set/alice.mp4 -o features/alice.npz")
                .contains("./ap import --layout affwild2 --annotations labels --features features --out store")
                .contains("./ap train --store store -o va.apmodel")
                .contains("./ap predict videos/new.mp4 --model va.apmodel -o new.csv")
                .contains("<artifactId>ap-video</artifactId>").contains("<artifactId>ap-engine-djl</artifactId>");
    }

    @SuppressWarnings("unused")
    static void readmeVideoExample(Path model, Path video) throws IOException {
        // readme-video:start
        try (var recognizer = AffectRecognizer.builder()
                .process(AffectiveProcess.load(model))     // the .apmodel file `ap train` wrote
                .build()) {
            for (FrameAffect f : recognizer.analyze(video)) {   // one row per face per frame
                if (!f.faceFound()) continue;
                System.out.printf("%6.2fs face %d V %+.2f ± %.2f%n", f.seconds(), f.faceId(), f.mean(0), f.std(0));
            }
        }
        // readme-video:end
    }

    /** Writes frames first..last of a video as an MPEG-4 avi; returns the number of frames written. */
    private static int cut(Path from, int first, int last, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(from.toFile())) {
            g.start();
            try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(to.toFile(), g.getImageWidth(), g.getImageHeight(), 0)) {
                r.setFormat("avi");
                r.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
                r.setFrameRate(g.getFrameRate());
                r.setVideoBitrate(4_000_000);
                r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                r.start();
                int written = 0;
                Frame f;
                for (int t = 0; (f = g.grabImage()) != null && t <= last; t++) {
                    if (t >= first) {
                        r.record(f);
                        written++;
                    }
                }
                r.stop();
                g.stop();
                return written;
            }
        }
    }

    /** Aff-Wild2's layout: a header, then one "valence,arousal" line per frame. */
    private static void writeLabels(Path file, int frames, Shot s) throws IOException {
        Files.createDirectories(file.getParent());
        List<String> lines = new ArrayList<>(List.of("valence,arousal"));
        for (int t = 0; t < frames; t++) {
            double drift = 0.15 * Math.sin(t / 12.0);
            lines.add(String.format(java.util.Locale.ROOT, "%.3f,%.3f", s.valence() + drift, s.arousal() - drift / 2));
        }
        Files.write(file, lines);
    }
}
