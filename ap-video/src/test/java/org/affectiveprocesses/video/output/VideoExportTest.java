package org.affectiveprocesses.video.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.io.FeatureFile;
import org.affectiveprocesses.video.AffectRecognizer;
import org.affectiveprocesses.backbone.TestMedia;
import org.affectiveprocesses.video.TestProcesses;
import org.affectiveprocesses.video.TestVideos;
import org.affectiveprocesses.video.decode.MediaFormatException;
import org.affectiveprocesses.video.smoothing.OneEuroFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class VideoExportTest {
    private static final VideoExport.Progress NONE = (f, d, s) -> { };
    @TempDir
    static Path media;
    @TempDir
    Path out;
    private static AffectRecognizer recognizer;
    private static Path clip;

    @BeforeAll
    static void open() throws IOException {
        recognizer = AffectRecognizer.builder().build();
        clip = TestVideos.write(media.resolve("face.avi"), TestVideos.Kind.AVI, 12, 10.0, 3, 4);
    }

    @AfterAll
    static void close() {
        recognizer.close();
    }

    /** The cells of a CSV line by column name. */
    private static Map<String, String> row(List<String> lines, int line) {
        String[] names = lines.get(0).split(",", -1);
        String[] cells = lines.get(line).split(",", -1);
        assertThat(cells).as("cells of line %d", line).hasSize(names.length);
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            out.put(names[i], cells[i]);
        }
        return out;
    }

    @Test
    void writesTheCsvInOpenFacesLayoutAndTheFeatureFileOfAVideo() throws IOException {
        Path csv = out.resolve("face.csv");
        Path npz = out.resolve("face.npz");
        VideoExport.Result r = VideoExport.run(recognizer, clip, csv, npz, NONE);
        assertThat(r.frames()).isEqualTo(12);
        assertThat(r.faces()).isEqualTo(10);
        assertThat(r.faceRows()).isEqualTo(10);
        assertThat(r.timings().frames()).isEqualTo(12);
        assertThat(r.timings().faces()).isEqualTo(10);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(13);
        assertThat(lines.get(0)).startsWith("frame,face_id,timestamp,confidence,success,pose_Tx,pose_Ty,pose_Tz,"
                + "pose_Rx,pose_Ry,pose_Rz,x_0,x_1,").contains(",x_67,y_0,").endsWith(",y_67,face_x,face_y,face_width,"
                + "face_height,valence,arousal,p_neutral,p_happy,p_sad,p_angry,p_fearful,p_disgusted,p_surprised");
        Map<String, String> blank = row(lines, 4);
        assertThat(blank.get("frame")).as("OpenFace counts frames from 1").isEqualTo("4");
        assertThat(blank.get("timestamp")).isEqualTo("0.300000");
        assertThat(blank.get("success")).isEqualTo("0");
        assertThat(blank.get("face_id")).isEmpty();
        assertThat(blank.get("x_30")).isEmpty();
        Map<String, String> face = row(lines, 1);
        assertThat(face.get("success")).isEqualTo("1");
        assertThat(face.get("face_id")).isEqualTo("1");
        assertThat(Double.parseDouble(face.get("valence"))).isGreaterThan(0.5);
        double p = 0;
        for (String k : List.of("neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised")) {
            p += Double.parseDouble(face.get("p_" + k));
        }
        assertThat(p).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        double x = Double.parseDouble(face.get("face_x"));
        double w = Double.parseDouble(face.get("face_width"));
        assertThat(Double.parseDouble(face.get("x_30"))).as("the nose tip lies in the face box").isBetween(x, x + w);
        assertThat(Double.parseDouble(face.get("pose_Tz"))).as("the head is in front of the camera").isPositive();
        assertThat(Math.abs(Double.parseDouble(face.get("pose_Ry")))).as("a near-frontal face").isLessThan(0.6);

        FeatureFile.Contents c = FeatureFile.readContents(npz);
        AffectSequence s = c.sequence();
        assertThat(s.length()).isEqualTo(12);
        assertThat(s.featureSize()).isEqualTo(256);
        assertThat(s.isValid(3)).isFalse();
        assertThat(s.isValid(5)).isTrue();
        assertThat(s.seconds(5)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(s.pseudoLabel(0, 0)).isCloseTo(Float.parseFloat(face.get("valence")),
                org.assertj.core.data.Offset.offset(1e-5f));
        float[] boxes = c.extras().faceBoxes();
        assertThat(boxes[3 * 5]).isNaN();
        assertThat(boxes[0 * 5 + 4]).as("confidence").isBetween(0.6f, 1f);
        assertThat(c.extras().backbone()).startsWith("face-expression");
        assertThat(leftovers()).containsExactlyInAnyOrder("face.csv", "face.npz");
        if (csv.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(csv)).as("the CSV and the feature file get the same permissions")
                    .isEqualTo(Files.getPosixFilePermissions(npz));
        }
    }

    @Test
    void aVideoWithoutFacesGivesAnExplicitAllInvalidOutput() throws IOException {
        Path grey = TestVideos.write(media.resolve("grey.webm"), TestVideos.Kind.WEBM, 6, 5.0, 0, 1, 2, 3, 4, 5);
        Path csv = out.resolve("grey.csv");
        Path npz = out.resolve("grey.npz");
        VideoExport.Result r = VideoExport.run(recognizer, grey, csv, npz, NONE);
        assertThat(r.faces()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(7);
        for (int i = 1; i < lines.size(); i++) {
            assertThat(row(lines, i).get("success")).isEqualTo("0");
        }
        AffectSequence s = FeatureFile.read(npz);
        assertThat(s.length()).isEqualTo(6);
        assertThat(s.validFrameCount()).isZero();
    }

    @Test
    void smoothingAddsTheSmoothedColumns() throws IOException {
        Path csv = out.resolve("smooth.csv");
        try (AffectRecognizer smoothing = AffectRecognizer.builder()
                .smoothing(OneEuroFilter.Parameters.affect()).build()) {
            assertThat(smoothing.smooths()).isTrue();
            VideoExport.run(smoothing, clip, csv, null, NONE);
        }
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).endsWith(",p_surprised,smoothed_valence,smoothed_arousal");
        Map<String, String> first = row(lines, 1);
        assertThat(first.get("smoothed_valence")).as("the first sample passes unchanged").isEqualTo(first.get("valence"));
        assertThat(row(lines, 4).get("smoothed_valence")).as("no face").isEmpty();
        assertThat(Double.parseDouble(row(lines, 7).get("smoothed_valence"))).isBetween(-1.0, 1.0);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a decoding error must end the pipeline, not hang it
    void aTruncatedVideoLeavesNoOutputBehind() throws IOException {
        byte[] bytes = Files.readAllBytes(TestMedia.file("Megamind.avi"));
        Path cut = Files.write(media.resolve("cut.avi"), Arrays.copyOf(bytes, bytes.length / 5));
        assertThatThrownBy(() -> VideoExport.run(recognizer, cut, out.resolve("cut.csv"), out.resolve("cut.npz"), NONE))
                .isInstanceOf(MediaFormatException.class).hasMessageContaining("truncated");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aFileThatIsNotAVideoLeavesNoOutputBehind() throws IOException {
        Path text = Files.writeString(media.resolve("readme.mp4"), "hello\n".repeat(100));
        assertThatThrownBy(() -> VideoExport.run(recognizer, text, out.resolve("x.csv"), out.resolve("x.npz"), NONE))
                .isInstanceOf(MediaFormatException.class).hasMessageContaining("not a readable video");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void withAnAffectiveProcessTheCsvHasItsMeanAndStd() throws IOException {
        Path csv = out.resolve("ap.csv");
        try (AffectRecognizer withAp = AffectRecognizer.builder().process(TestProcesses.untrained(256, 2)).build()) {
            VideoExport.run(withAp, clip, csv, null, NONE);
        }
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).endsWith(",p_surprised,ap_valence_mean,ap_valence_std,ap_arousal_mean,ap_arousal_std");
        assertThat(Double.parseDouble(row(lines, 1).get("ap_valence_std"))).isPositive();
        assertThat(row(lines, 4).get("ap_valence_std")).as("no face: no prediction").isEmpty();
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
