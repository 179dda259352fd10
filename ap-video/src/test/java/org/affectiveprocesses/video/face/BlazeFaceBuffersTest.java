package org.affectiveprocesses.video.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.affectiveprocesses.backbone.TestMedia;
import org.affectiveprocesses.video.decode.DecodedFrame;
import org.affectiveprocesses.video.decode.FfmpegFrameSource;
import org.junit.jupiter.api.Test;

/**
 * The detector keeps its frame and input buffers from one frame to the next: on real frames of
 * changing sizes it must find exactly what a new detector finds on each frame alone.
 */
class BlazeFaceBuffersTest {

    @Test
    void aDetectorReusedAcrossFramesOfTwoSizesFindsWhatAFreshOneFinds() throws IOException {
        List<RgbImage> frames = new ArrayList<>();
        try (FfmpegFrameSource video = FfmpegFrameSource.open(TestMedia.file("Megamind.avi"))) {
            for (DecodedFrame f = video.next(); f != null && f.index() <= 120; f = video.next()) {
                if (f.index() % 40 == 0) {
                    frames.add(f.image());
                }
            }
        }
        RgbImage astronaut = TestMedia.image("astronaut.png");
        frames.add(2, astronaut);
        frames.add(astronaut);
        assertThat(frames.get(0).width()).isNotEqualTo(astronaut.width());
        int withFaces = 0;
        try (BlazeFaceDetector reused = BlazeFaceDetector.create()) {
            for (RgbImage frame : frames) {
                List<FaceBox> found = reused.detect(frame);
                try (BlazeFaceDetector fresh = BlazeFaceDetector.create()) {
                    assertThat(found).isEqualTo(fresh.detect(frame));
                }
                withFaces += found.isEmpty() ? 0 : 1;
            }
        }
        assertThat(withFaces).as("frames with a face").isGreaterThanOrEqualTo(5);
    }
}
