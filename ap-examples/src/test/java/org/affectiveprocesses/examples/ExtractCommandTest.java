package org.affectiveprocesses.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.io.FeatureFile;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExtractCommandTest {
    @TempDir
    Path dir;

    /** A short clip of plain grey frames (no face anywhere). */
    static Path greyClip(Path file, int frames) throws IOException {
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), 160, 120, 0)) {
            r.setFormat("avi");
            r.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            r.setFrameRate(10);
            r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            r.start();
            for (int t = 0; t < frames; t++) {
                Frame f = new Frame(160, 120, Frame.DEPTH_UBYTE, 3);
                byte[] px = new byte[160 * 120 * 3];
                java.util.Arrays.fill(px, (byte) 100);
                ((ByteBuffer) f.image[0]).put(px);
                r.record(f, avutil.AV_PIX_FMT_RGB24);
            }
            r.stop();
        }
        return file;
    }

    /** Runs a command, returning its exit code and what it printed to standard output. */
    static Object[] run(Object command, String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int code = new CommandLine(command).setErr(new java.io.PrintWriter(new ByteArrayOutputStream(), true))
                    .execute(args);
            return new Object[] {code, out.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void extractWritesTheFeatureFileAndCsvAndReportsTheRate() throws IOException {
        Path clip = greyClip(dir.resolve("grey.avi"), 8);
        Path npz = dir.resolve("out.npz");
        Path csv = dir.resolve("out.csv");
        Object[] r = run(new ExtractCommand(), clip.toString(), "-o", npz.toString(), "--csv", csv.toString(),
                "--quiet", "--bench");
        assertThat(r[0]).isEqualTo(0);
        String printed = (String) r[1];
        assertThat(printed).contains("no face was found in any of the 8 frames").contains("8 frames, 0 faces;")
                .contains("decode").contains("detect").contains("landmarks").contains("backbone")
                .containsPattern("8 frames \\(0 with a face, 0 face rows\\) in [0-9.]+ s: [0-9.]+ frames/s");
        AffectSequence s = FeatureFile.read(npz);
        assertThat(s.length()).isEqualTo(8);
        assertThat(s.validFrameCount()).isZero();
        assertThat(Files.readAllLines(csv)).hasSize(9);
    }

    @Test
    void aFileThatIsNotAVideoFailsWithoutLeavingOutputs() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video\n".repeat(50));
        Object[] r = run(new ExtractCommand(), text.toString(), "-o", dir.resolve("o.npz").toString(), "--csv",
                dir.resolve("o.csv").toString(), "--quiet");
        assertThat(r[0]).isNotEqualTo(0);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).isEqualTo(List.of("notes.mp4"));
        }
    }

    @Test
    void outputNamesDefaultToTheVideoName() {
        assertThat(VideoOptions.baseName(Path.of("/videos/interview.final.mp4"))).isEqualTo("interview.final");
        assertThat(VideoOptions.baseName(Path.of("frames"))).isEqualTo("frames");
    }

    @Test
    void benchVideoReadsTheClipOncePerRoundWithOneRecognizer() throws IOException {
        Path clip = greyClip(dir.resolve("grey.avi"), 12);
        Object[] r = run(new BenchCommand(), "--video", clip.toString(), "--rounds", "2");
        String out = (String) r[1];
        assertThat(r[0]).isEqualTo(0);
        assertThat(out).contains("recognizer built in").contains("run 1: 12 frames in").contains("run 2: 12 frames in")
                .contains("first row after").contains("JIT compilation").doesNotContain("run 3");
        Object[] missing = run(new BenchCommand(), "--video", dir.resolve("none.avi").toString(), "--rounds", "1");
        assertThat(missing[0]).isNotEqualTo(0);
        Object[] both = run(new BenchCommand(), "--video", clip.toString(), "--live");
        assertThat(both[0]).as("two benchmarks at once are a usage error").isEqualTo(2);
    }
}
