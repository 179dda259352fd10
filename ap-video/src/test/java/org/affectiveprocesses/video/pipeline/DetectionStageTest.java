package org.affectiveprocesses.video.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.affectiveprocesses.video.decode.DecodedFrame;
import org.affectiveprocesses.video.face.FaceDetector;
import org.affectiveprocesses.video.tracking.FaceTracker;
import org.affectiveprocesses.video.tracking.ShotCutDetector;
import org.junit.jupiter.api.Test;

class DetectionStageTest {
    private static final FaceBox FACE = new FaceBox(20, 20, 30, 30, 0.9);

    /** Finds one face in frames brighter than black, none in black ones, and counts its calls. */
    private static final class FakeDetector implements FaceDetector {
        final List<Integer> calls = new ArrayList<>();
        int frame;

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public List<FaceBox> detect(RgbImage image) {
            calls.add(frame);
            return image.get(0, 0, 0) == 0 ? List.of() : List.of(FACE);
        }

        @Override
        public void close() {
        }
    }

    private static DecodedFrame frame(int index, int grey) {
        byte[] rgb = new byte[80 * 60 * 3];
        Arrays.fill(rgb, (byte) grey);
        return new DecodedFrame(index, index / 25.0, RgbImage.of(80, 60, rgb));
    }

    /** Runs frames of the given greys through a stage; the frames the detector ran on. */
    private static List<Integer> detectedFrames(int interval, int... greys) {
        FakeDetector detector = new FakeDetector();
        DetectionStage stage = new DetectionStage(detector, new ShotCutDetector(), new FaceTracker(),
                FaceSelection.ALL, interval);
        List<Integer> flagged = new ArrayList<>();
        for (int i = 0; i < greys.length; i++) {
            detector.frame = i;
            FrameDetections d = stage.detect(frame(i, greys[i]));
            if (d.detected()) {
                flagged.add(i);
            }
        }
        assertThat(flagged).isEqualTo(detector.calls);
        return detector.calls;
    }

    @Test
    void whileAFaceIsFollowedTheDetectorRunsOnEveryIntervalthFrame() {
        assertThat(detectedFrames(4, 100, 100, 100, 100, 100, 100, 100, 100, 100)).containsExactly(0, 4, 8);
        assertThat(detectedFrames(1, 100, 100, 100)).containsExactly(0, 1, 2);
    }

    @Test
    void withoutAFaceEveryFrameIsSearchedAndACutIsAlwaysSearched() {
        // black frames: nothing found, so every frame is searched; from frame 3 (a cut) a face is
        // followed; frame 5 is another cut (grey 100 to 200) and is searched at once
        assertThat(detectedFrames(4, 0, 0, 0, 100, 100, 200, 200, 200, 200, 200)).containsExactly(0, 1, 2, 3, 5, 9);
    }

    @Test
    void framesBetweenDetectionsKeepTheFacesAndIdsOfTheLastDetection() {
        FakeDetector detector = new FakeDetector();
        DetectionStage stage = new DetectionStage(detector, new ShotCutDetector(), new FaceTracker(),
                FaceSelection.LARGEST, 4);
        FrameDetections first = stage.detect(frame(0, 100));
        for (int i = 1; i < 4; i++) {
            FrameDetections d = stage.detect(frame(i, 100));
            assertThat(d.detected()).isFalse();
            assertThat(d.faces()).isEqualTo(first.faces());
        }
    }

    @Test
    void aFaceWhoseBoxChangesAsAtACutIsSearchedAgainAtOnce() {
        FakeDetector detector = new FakeDetector();
        DetectionStage stage = new DetectionStage(detector, new ShotCutDetector(), new FaceTracker(),
                FaceSelection.ALL, 4);
        // a 200 x 150 frame whose face box (20-50) turns from grey 100 to 250: 3% of the frame, no cut
        for (int i = 0; i < 4; i++) {
            byte[] rgb = new byte[200 * 150 * 3];
            Arrays.fill(rgb, (byte) 100);
            for (int y = 20; y < 50 && i >= 2; y++) {
                Arrays.fill(rgb, (y * 200 + 20) * 3, (y * 200 + 50) * 3, (byte) 250);
            }
            detector.frame = i;
            FrameDetections d = stage.detect(new DecodedFrame(i, i / 25.0, RgbImage.of(200, 150, rgb)));
            assertThat(d.shotCut()).isFalse();
        }
        assertThat(detector.calls).containsExactly(0, 2);
    }

    @Test
    void anIntervalBelowOneFrameIsRefused() {
        assertThatThrownBy(() -> new DetectionStage(new FakeDetector(), new ShotCutDetector(), new FaceTracker(),
                FaceSelection.ALL, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
    }
}
