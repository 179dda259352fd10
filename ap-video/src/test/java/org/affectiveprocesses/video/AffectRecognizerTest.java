package org.affectiveprocesses.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.affectiveprocesses.api.backbone.Backbones;
import org.affectiveprocesses.video.decode.MediaFormatException;
import org.junit.jupiter.api.BeforeAll;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.affectiveprocesses.backbone.TestMedia;

/** Video in, per-frame affect out, on a clip made from a real face photograph. */
class AffectRecognizerTest {
    @TempDir
    static Path dir;
    private static Path clip;

    @BeforeAll
    static void makeClip() throws IOException {
        clip = TestVideos.write(dir.resolve("astronaut.mp4"), TestVideos.Kind.MP4, 24, 12.0, 5, 6, 7);
    }

    @Test
    void everyFrameIsReportedAndFramesWithoutAFaceSaySo() throws IOException {
        List<FrameAffect> frames = new ArrayList<>();
        try (AffectRecognizer r = AffectRecognizer.builder().backbone(Backbones.byName("face-expression")).build()) {
            assertThat(r.hasProcess()).isFalse();
            for (FrameAffect f : r.analyze(clip)) {
                frames.add(f);
            }
        }
        assertThat(frames).hasSize(24);
        for (FrameAffect f : frames) {
            boolean blank = f.frame() >= 5 && f.frame() <= 7;
            assertThat(f.faceFound()).as("frame %d", f.frame()).isEqualTo(!blank);
            assertThat(f.seconds()).isCloseTo(f.frame() / 12.0, org.assertj.core.data.Offset.offset(0.01));
            assertThat(f.std(0)).isNaN();
            if (blank) {
                assertThat(f.mean(0)).isNaN();
                assertThat(f.face()).isEmpty();
                assertThat(f.features()).isEmpty();
                assertThat(f.faceId()).isZero();
            } else {
                assertThat(f.faceId()).as("the face coming back after the blank frames starts a new shot: a new id").isEqualTo(f.frame() < 5 ? 1 : 2);
                assertThat(f.landmarks()).isPresent();
                assertThat(f.headPose()).isPresent();
                assertThat(f.mean(0)).as("the astronaut smiles: positive valence").isGreaterThan(0.5f);
                assertThat(f.output("emotion")).hasSize(7);
                assertThat(f.features()).hasSize(256);
                assertThat(f.face().orElseThrow().confidence()).isGreaterThan(0.6);
            }
        }
        double firstX = frames.get(0).face().orElseThrow().x();
        double lastX = frames.get(23).face().orElseThrow().x();
        assertThat(lastX - firstX).as("the face drifts right by 2 px per frame").isBetween(35.0, 57.0);
    }

    @Test
    void withAnAffectiveProcessFramesWithAFaceGetAMeanAndAStd() throws IOException {
        try (AffectRecognizer r = AffectRecognizer.builder().process(TestProcesses.untrained(256, 1)).build()) {
            int predicted = 0;
            for (FrameAffect f : r.analyze(clip)) {
                assertThat(f.hasPrediction()).isEqualTo(f.faceFound());
                if (f.faceFound()) {
                    predicted++;
                    assertThat(f.std(0)).isPositive().isFinite();
                    assertThat(f.mean(1)).isFinite();
                }
            }
            assertThat(predicted).isEqualTo(21);
        }
    }

    @Test
    void anAffectiveProcessForOtherFeaturesIsRejected() {
        assertThatThrownBy(() -> AffectRecognizer.builder().process(TestProcesses.untrained(512, 1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("512-d").hasMessageContaining("256-d");
    }

    @Test
    void partsCanBeNamedAndAnUnknownNameIsRejected() throws IOException {
        try (AffectRecognizer r = AffectRecognizer.builder().backbone("face-expression").detector("blazeface-back").build()) {
            assertThat(r.detector().name()).isEqualTo("blazeface-back");
            assertThat(r.backbone().featureSize()).isEqualTo(256);
        }
        assertThatThrownBy(() -> AffectRecognizer.builder().detector("nope").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no face detector named 'nope'");
        assertThatThrownBy(() -> AffectRecognizer.builder().backbone("nope").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no backbone named 'nope'");
    }

    @Test
    void closingTheRecognizerClosesOpenAnalysesAndFramesIterateOnce() throws IOException {
        FrameAffects open;
        try (AffectRecognizer r = AffectRecognizer.builder().build()) {
            FrameAffects once = r.analyze(clip);
            assertThat(once.iterator().hasNext()).isTrue();
            assertThatThrownBy(once::iterator).isInstanceOf(IllegalStateException.class).hasMessageContaining("only once");
            open = r.analyze(clip);
        }
        assertThatThrownBy(() -> open.iterator().hasNext()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a decoding error must end the pipeline, not hang it
    void badInputIsReportedClearly() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.webm"), "no video here\n".repeat(100));
        byte[] bytes = Files.readAllBytes(TestMedia.file("Megamind.avi"));
        Path cut = Files.write(dir.resolve("cut.avi"), Arrays.copyOf(bytes, bytes.length / 4));
        try (AffectRecognizer r = AffectRecognizer.builder().build()) {
            assertThatThrownBy(() -> r.analyze(text)).isInstanceOf(MediaFormatException.class)
                    .hasMessageContaining("notes.webm");
            FrameAffects frames = r.analyze(cut);
            assertThatThrownBy(() -> frames.forEach(f -> { })).isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(MediaFormatException.class).hasMessageContaining("truncated");
        }
    }
}
