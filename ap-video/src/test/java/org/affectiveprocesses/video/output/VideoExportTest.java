package org.affectiveprocesses.video.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.io.FeatureFile;
import org.affectiveprocesses.video.AffectRecognizer;
import org.affectiveprocesses.backbone.TestMedia;
import org.affectiveprocesses.video.TestProcesses;
import org.affectiveprocesses.video.TestVideos;
import org.affectiveprocesses.video.decode.MediaFormatException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

    @Test
    void writesTheCsvAndTheFeatureFileOfAVideo() throws IOException {
        Path csv = out.resolve("face.csv");
        Path npz = out.resolve("face.npz");
        VideoExport.Result r = VideoExport.run(recognizer, clip, csv, npz, NONE);
        assertThat(r.frames()).isEqualTo(12);
        assertThat(r.faces()).isEqualTo(10);
        assertThat(r.timings().frames()).isEqualTo(12);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(13);
        assertThat(lines.get(0)).isEqualTo("frame,seconds,face_found,face_id,face_x,face_y,face_width,face_height,"
                + "detector_confidence,valence,arousal,p_neutral,p_happy,p_sad,p_angry,p_fearful,p_disgusted,p_surprised");
        assertThat(lines.get(4)).isEqualTo("3,0.300000,false,,,,,,,,,,,,,,,");
        String[] row = lines.get(1).split(",", -1);
        assertThat(row).hasSize(18);
        assertThat(row[2]).isEqualTo("true");
        assertThat(Double.parseDouble(row[9])).as("valence").isGreaterThan(0.5);
        double p = 0;
        for (int k = 11; k < 18; k++) {
            p += Double.parseDouble(row[k]);
        }
        assertThat(p).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));

        FeatureFile.Contents c = FeatureFile.readContents(npz);
        AffectSequence s = c.sequence();
        assertThat(s.length()).isEqualTo(12);
        assertThat(s.featureSize()).isEqualTo(256);
        assertThat(s.isValid(3)).isFalse();
        assertThat(s.isValid(5)).isTrue();
        assertThat(s.seconds(5)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(s.pseudoLabel(0, 0)).isCloseTo(Float.parseFloat(row[9]), org.assertj.core.data.Offset.offset(1e-5f));
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
        assertThat(Files.readAllLines(csv)).hasSize(7).allMatch(l -> l.startsWith("frame") || l.contains(",false,"));
        AffectSequence s = FeatureFile.read(npz);
        assertThat(s.length()).isEqualTo(6);
        assertThat(s.validFrameCount()).isZero();
    }

    @Test
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
        String[] faceRow = lines.get(1).split(",", -1);
        assertThat(faceRow).hasSize(22);
        assertThat(Double.parseDouble(faceRow[19])).as("ap_valence_std").isPositive();
        assertThat(lines.get(4).split(",", -1)[19]).as("no face: no prediction").isEmpty();
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
