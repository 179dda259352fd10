package org.affectiveprocesses.video.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.video.landmarks.FaceLandmarks;
import org.junit.jupiter.api.Test;

class BoxFollowerTest {
    /** 68 landmarks spread over a 40 × 50 box whose top left corner is (x, y). */
    private static FaceLandmarks at(float x, float y) {
        float[] xy = new float[2 * FaceLandmarks.COUNT];
        for (int i = 0; i < FaceLandmarks.COUNT; i++) {
            xy[2 * i] = x + (i % 5) * 10;
            xy[2 * i + 1] = y + (i % 6) * 10;
        }
        return FaceLandmarks.of(xy);
    }

    @Test
    void onSkippedFramesTheDetectedBoxMovesAsTheLandmarksMove() {
        BoxFollower f = new BoxFollower();
        FaceBox detected = new FaceBox(100, 80, 60, 70, 0.9);
        assertThat(f.box(true, 1, detected, at(110, 90))).isEqualTo(detected);
        assertThat(f.box(false, 1, detected, at(117, 85))).isEqualTo(new FaceBox(107, 75, 60, 70, 0.9));
        FaceBox redetected = new FaceBox(120, 70, 62, 72, 0.8);
        assertThat(f.box(true, 1, redetected, at(118, 84))).isEqualTo(redetected);
        assertThat(f.box(false, 1, redetected, at(119, 84))).isEqualTo(new FaceBox(121, 70, 62, 72, 0.8));
    }

    @Test
    void anEndedTrackIsForgotten() {
        BoxFollower f = new BoxFollower();
        FaceBox detected = new FaceBox(100, 80, 60, 70, 0.9);
        f.box(true, 1, detected, at(110, 90));
        f.end(List.of(1));
        FaceBox held = new FaceBox(10, 10, 60, 70, 0.9);
        assertThat(f.box(false, 1, held, at(300, 300))).isEqualTo(held);
    }
}
