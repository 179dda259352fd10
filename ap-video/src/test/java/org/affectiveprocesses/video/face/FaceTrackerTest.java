package org.affectiveprocesses.video.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.junit.jupiter.api.Test;

class FaceTrackerTest {
    private static FaceBox box(double x, double y, double side) {
        return new FaceBox(x, y, side, side, 0.9);
    }

    @Test
    void theLargestFaceIsFollowedWithAStableIdThroughJitter() {
        FaceTracker t = new FaceTracker(3);
        TrackedFace first = t.update(List.of(box(0, 0, 20), box(100, 100, 60))).orElseThrow();
        assertThat(first.id()).isEqualTo(1);
        assertThat(first.box().x()).isEqualTo(100);
        for (int i = 1; i <= 5; i++) {
            TrackedFace f = t.update(List.of(box(100 + 3 * i, 100 - 2 * i, 60 + i), box(0, 0, 90))).orElseThrow();
            assertThat(f.id()).as("same face, frame %d", i).isEqualTo(1);
            assertThat(f.box().x()).isEqualTo(100 + 3 * i);
        }
    }

    @Test
    void aLostFaceIsWaitedForThenAnotherIsFollowedWithANewId() {
        FaceTracker t = new FaceTracker(2);
        t.update(List.of(box(100, 100, 50)));
        FaceBox other = box(300, 10, 40);
        assertThat(t.update(List.of(other))).as("lost 1").isEmpty();
        assertThat(t.update(List.of())).as("lost 2").isEmpty();
        TrackedFace next = t.update(List.of(other)).orElseThrow();
        assertThat(next.id()).isEqualTo(2);
        assertThat(next.box()).isEqualTo(other);
    }

    @Test
    void theFaceComingBackWithinPatienceKeepsItsId() {
        FaceTracker t = new FaceTracker(5);
        t.update(List.of(box(100, 100, 50)));
        t.update(List.of());
        t.update(List.of());
        assertThat(t.update(List.of(box(104, 98, 52))).orElseThrow().id()).isEqualTo(1);
    }

    @Test
    void framesWithoutFacesReportNone() {
        FaceTracker t = new FaceTracker();
        assertThat(t.update(List.of())).isEmpty();
        assertThat(t.update(List.of(box(1, 1, 10))).orElseThrow().id()).isEqualTo(1);
        assertThatThrownBy(() -> new FaceTracker(-1)).hasMessageContaining("patience");
    }
}
