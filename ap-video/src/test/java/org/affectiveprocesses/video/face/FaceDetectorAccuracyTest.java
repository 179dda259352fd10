package org.affectiveprocesses.video.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.backbone.TestMedia;
import org.junit.jupiter.api.Test;

/** The default detector on real photographs; the measured comparison is in docs/video.md. */
class FaceDetectorAccuracyTest {

    @Test
    void blazeFaceFindsTheFacesOfTheGroupPhotosAndFewNonFaces() throws IOException {
        try (FaceDetector d = FaceDetectors.defaultDetector()) {
            DetectionScore s = DetectionScore.of(d, 30);
            assertThat(s.faces()).isEqualTo(22);
            assertThat(s.hits()).as("faces found of 22").isGreaterThanOrEqualTo(20);
            assertThat(s.falsePositives()).isLessThanOrEqualTo(2);
            assertThat(s.lfwFound()).as("LFW faces found of 30").isGreaterThanOrEqualTo(25);
            assertThat(s.lfwNonFaceFlagged()).as("LFW non-faces flagged of 30").isLessThanOrEqualTo(3);
        }
    }

    @Test
    void blazeFaceFindsMoreOfThePhotosFacesThanTheHaarCascade() throws IOException {
        try (FaceDetector blaze = FaceDetectors.defaultDetector(); FaceDetector haar = FaceDetectors.byName("haar")) {
            DetectionScore b = DetectionScore.of(blaze, 0);
            DetectionScore h = DetectionScore.of(haar, 0);
            assertThat(b.hits()).isGreaterThan(h.hits());
            assertThat(b.falsePositives()).isLessThan(h.falsePositives());
        }
    }

    @Test
    void theAstronautsFaceIsFoundWhereItIs() throws IOException {
        try (FaceDetector d = FaceDetectors.defaultDetector()) {
            List<FaceBox> faces = d.detect(TestMedia.image("astronaut.png"));
            assertThat(faces).hasSize(1);
            FaceBox f = faces.get(0);
            assertThat(f.iou(new FaceBox(175, 75, 100, 100, 1))).isGreaterThan(0.6);
            assertThat(f.confidence()).isGreaterThan(0.9);
        }
    }

    @Test
    void aPlainImageHasNoFace() throws IOException {
        byte[] grey = new byte[320 * 240 * 3];
        java.util.Arrays.fill(grey, (byte) 110);
        try (FaceDetector d = FaceDetectors.defaultDetector()) {
            assertThat(d.detect(org.affectiveprocesses.api.backbone.RgbImage.of(320, 240, grey))).isEmpty();
        }
    }
}
