package org.affectiveprocesses.video.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.junit.jupiter.api.Test;

class FaceTrackerTest {
    private static FaceBox box(double x, double y, double side) {
        return new FaceBox(x, y, side, side, 0.9);
    }

    private static List<Integer> ids(FaceTracker.Update u) {
        return u.faces().stream().map(TrackedFace::id).toList();
    }

    @Test
    void everyFaceKeepsItsIdThroughJitterAndTheLargestIsKnown() {
        FaceTracker t = new FaceTracker(3);
        FaceTracker.Update first = t.update(List.of(box(0, 0, 20), box(100, 100, 60)), false);
        assertThat(ids(first)).containsExactly(1, 2);
        assertThat(first.largest().id()).isEqualTo(2);
        for (int i = 1; i <= 5; i++) {
            // detections in the other order, both moving
            FaceTracker.Update u = t.update(List.of(box(100 + 3 * i, 100 - 2 * i, 60 + i), box(2 * i, i, 21)), false);
            assertThat(ids(u)).as("frame %d", i).containsExactly(1, 2);
            assertThat(u.faces().get(1).box().x()).isEqualTo(100 + 3 * i);
            assertThat(u.ended()).isEmpty();
        }
    }

    @Test
    void aNewFaceGetsAnIdAtOnceWhileAnotherIsMissed() {
        FaceTracker t = new FaceTracker(2);
        t.update(List.of(box(100, 100, 50)), false);
        FaceTracker.Update u = t.update(List.of(box(300, 10, 40)), false);
        assertThat(ids(u)).as("the new face is reported in its first frame").containsExactly(2);
        assertThat(u.ended()).isEmpty();
    }

    @Test
    void aMissedFaceKeepsItsIdWithinPatienceThenItsTrackEnds() {
        FaceTracker t = new FaceTracker(2);
        t.update(List.of(box(100, 100, 50)), false);
        assertThat(t.update(List.of(), false).faces()).isEmpty();
        assertThat(ids(t.update(List.of(box(104, 98, 52)), false))).as("back within patience").containsExactly(1);
        t.update(List.of(), false);
        t.update(List.of(), false);
        FaceTracker.Update gone = t.update(List.of(), false);
        assertThat(gone.ended()).containsExactly(1);
        assertThat(ids(t.update(List.of(box(104, 98, 52)), false))).as("ids are never reused").containsExactly(2);
    }

    @Test
    void aCutEndsEveryTrackAndTheNextShotsFacesGetNewIdsInItsFirstFrame() {
        FaceTracker t = new FaceTracker(10);
        t.update(List.of(box(100, 100, 50), box(300, 100, 40)), false);
        FaceTracker.Update afterCut = t.update(List.of(box(102, 100, 50)), true);
        assertThat(afterCut.ended()).containsExactlyInAnyOrder(1, 2);
        assertThat(ids(afterCut)).as("same place, but a new shot: a new id").containsExactly(3);
    }

    @Test
    void framesWithoutFacesReportNoneAndPatienceMustBeNonNegative() {
        FaceTracker t = new FaceTracker();
        assertThat(t.update(List.of(), false).faces()).isEmpty();
        assertThat(t.update(List.of(), false).largest()).isNull();
        assertThatThrownBy(() -> new FaceTracker(-1)).hasMessageContaining("patience");
    }
}
