package org.affectiveprocesses.video.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.affectiveprocesses.backbone.TestMedia;
import org.affectiveprocesses.video.AffectRecognizer;
import org.affectiveprocesses.video.pipeline.FaceSelection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tracking on Megamind.avi against the hand-made ground truth (megamind-faces.csv): three cuts,
 * two people in the first shot (one small and blurred in the background).
 */
class MegamindTrackingTest {
    private static FaceGroundTruth truth;

    @BeforeAll
    static void read() throws IOException {
        truth = FaceGroundTruth.read("/org/affectiveprocesses/video/face/megamind-faces.csv");
    }

    @Test
    void everyFrameWithAVisibleFaceReportsOneAndNoIdPassesToAnotherPerson() throws IOException {
        try (AffectRecognizer r = AffectRecognizer.builder().build()) {
            TrackingScore s = TrackingScore.of(r, TestMedia.file("Megamind.avi"), truth);
            System.out.println("Megamind.avi, --faces largest: " + s.summary());
            assertThat(s.framesFound()).isEqualTo(s.framesWithAFace()).isEqualTo(269);
            assertThat(s.idsOnTwoPeople()).isZero();
            assertThat(s.switchesWithinShots()).isZero();
        }
    }

    @Test
    void everyFaceIsFollowedWithOneIdPerShotAndFoundInTheFirstFrameAfterACut() throws IOException {
        try (AffectRecognizer r = AffectRecognizer.builder().faces(FaceSelection.ALL).build()) {
            TrackingScore s = TrackingScore.of(r, TestMedia.file("Megamind.avi"), truth);
            System.out.println("Megamind.avi, --faces all: " + s.summary());
            assertThat(s.idsOnTwoPeople()).isZero();
            assertThat(s.switchesWithinShots()).isZero();
            assertThat(s.foundInFirstFrame()).isEqualTo(s.shots()).isEqualTo(5);
            assertThat(s.found()).as("both people of the first shot are followed").isGreaterThan(s.framesWithAFace());
        }
    }
}
