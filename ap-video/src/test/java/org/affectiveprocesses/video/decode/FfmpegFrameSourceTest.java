package org.affectiveprocesses.video.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.affectiveprocesses.backbone.TestMedia;
import org.affectiveprocesses.video.TestVideos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FfmpegFrameSourceTest {
    @TempDir
    Path dir;

    @Test
    void decodesARealClipFrameByFrameWithTimestamps() throws IOException {
        try (FrameSource s = FrameSources.open(TestMedia.file("Megamind.avi"))) {
            assertThat(s.frameRate()).isCloseTo(23.976, org.assertj.core.data.Offset.offset(0.01));
            assertThat(s.declaredFrames()).isEqualTo(270);
            List<Double> times = new ArrayList<>();
            DecodedFrame f;
            while ((f = s.next()) != null) {
                assertThat(f.index()).isEqualTo(times.size());
                assertThat(f.image().width()).isEqualTo(720);
                assertThat(f.image().height()).isEqualTo(528);
                times.add(f.seconds());
            }
            assertThat(times).hasSize(270);
            assertThat(times).isSorted();
            assertThat(times.get(269) - times.get(0)).isBetween(10.9, 11.4);
            assertThat(s.next()).as("after the end").isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(TestVideos.Kind.class)
    void decodesMp4AviAndWebmWithTheirFrameCountAndRate(TestVideos.Kind kind) throws IOException {
        Path clip = TestVideos.write(dir.resolve("clip." + kind.name().toLowerCase()), kind, 12, 10.0);
        try (FrameSource s = FrameSources.open(clip)) {
            assertThat(s.frameRate()).isEqualTo(10.0);
            int n = 0;
            DecodedFrame f;
            double last = -1;
            while ((f = s.next()) != null) {
                assertThat(f.seconds()).isCloseTo(n / 10.0, org.assertj.core.data.Offset.offset(0.011));
                assertThat(f.seconds()).isGreaterThan(last);
                last = f.seconds();
                n++;
            }
            assertThat(n).isEqualTo(12);
        }
    }

    @Test
    void decodedPixelsMatchWhatWasEncoded() throws IOException {
        Path clip = TestVideos.write(dir.resolve("grey.avi"), TestVideos.Kind.AVI, 3, 10.0, 0, 1, 2);
        try (FrameSource s = FrameSources.open(clip)) {
            DecodedFrame f = s.next();
            assertThat(f.image().get(5, 5, 0)).isBetween(105, 115);
            assertThat(f.image().get(300, 200, 2)).isBetween(105, 115);
        }
    }

    @Test
    void anEmptyFileIsRejectedWhenOpened() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.mp4"));
        assertThatThrownBy(() -> FrameSources.open(empty)).isInstanceOf(MediaFormatException.class)
                .hasMessageContaining("empty.mp4").hasMessageContaining("empty (0 bytes)");
    }

    @Test
    void aFileThatIsNotAVideoIsRejectedWhenOpened() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "this is not a video\n".repeat(200));
        assertThatThrownBy(() -> FrameSources.open(text)).isInstanceOf(MediaFormatException.class)
                .hasMessageContaining("notes.mp4").hasMessageContaining("not a readable video");
        // FFmpeg's tty demuxer would draw a .txt file as ANSI art, 84 frames of it
        Path txt = Files.writeString(dir.resolve("notes.txt"), "this is not a video\n".repeat(1000));
        assertThatThrownBy(() -> FrameSources.open(txt)).isInstanceOf(MediaFormatException.class)
                .hasMessageContaining("notes.txt").hasMessageContaining("is text, not a video");
    }

    @Test
    void aMissingFileIsReportedAsSuch() {
        assertThatThrownBy(() -> FrameSources.open(dir.resolve("nope.mp4"))).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("nope.mp4");
    }

    @Test
    void anMp4CutInHalfIsRejected() throws IOException {
        Path clip = TestVideos.write(dir.resolve("full.mp4"), TestVideos.Kind.MP4, 20, 10.0);
        byte[] bytes = Files.readAllBytes(clip);
        Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> readAll(cut)).isInstanceOf(MediaFormatException.class).hasMessageContaining("cut.mp4");
    }

    @Test
    void anAviCutShortIsReportedAsTruncatedAtItsEnd() throws IOException {
        byte[] bytes = Files.readAllBytes(TestMedia.file("Megamind.avi"));
        Path cut = Files.write(dir.resolve("megamind-cut.avi"), Arrays.copyOf(bytes, bytes.length / 3));
        assertThatThrownBy(() -> readAll(cut)).isInstanceOf(MediaFormatException.class)
                .hasMessageContaining("megamind-cut.avi").hasMessageContaining("truncated");
    }

    private static int readAll(Path p) throws IOException {
        try (FrameSource s = FrameSources.open(p)) {
            int n = 0;
            while (s.next() != null) {
                n++;
            }
            return n;
        }
    }
}
