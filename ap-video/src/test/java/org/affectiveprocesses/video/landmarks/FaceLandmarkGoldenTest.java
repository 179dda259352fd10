package org.affectiveprocesses.video.landmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.affectiveprocesses.backbone.TestMedia;
import org.affectiveprocesses.backbone.expression.GoldenCases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java rebuild of face-api's 68-point landmark network against the original: face-api's own
 * JavaScript model, run by ap-backbone/src/test/node/landmarks-golden.js on the TF.js CPU backend,
 * on real face images. Max abs difference ≤ 1e-4 for the raw outputs and the post-processed points.
 */
class FaceLandmarkGoldenTest {
    private static FaceLandmarker landmarker;
    private static GoldenCases golden;

    @BeforeAll
    static void load() throws IOException {
        landmarker = FaceLandmarker.load();
        golden = GoldenCases.read(FaceLandmarkGoldenTest.class, "face-landmarks-golden.json");
    }

    @AfterAll
    static void close() {
        landmarker.close();
    }

    @Test
    void everyGoldenCaseMatchesTheJavaScriptModel() throws IOException {
        int n = golden.cases().size();
        float[] raw = landmarker.raw(golden.inputs(), n);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            JsonNode c = golden.cases().get(i);
            String name = c.get("name").asText();
            float[] mine = Arrays.copyOfRange(raw, i * 136, (i + 1) * 136);
            worst = Math.max(worst, GoldenCases.compare(name + " raw", c.get("raw"), mine));
            RgbImage image = GoldenCases.image(c);
            float[] rel = FaceLandmarker.relativeToCrop(mine, image.width(), image.height());
            worst = Math.max(worst, GoldenCases.compare(name + " relative", c.get("relative"), rel));
        }
        System.out.printf("face_landmark_68: max |Java - JavaScript| = %.2e over %d cases%n", worst, n);
    }

    @Test
    void theCropAroundADetectionIsASquareOfOneAndAQuarterItsLongerSide() {
        FaceBox crop = FaceLandmarker.cropAround(new FaceBox(100, 50, 80, 60, 0.9));
        assertThat(crop).isEqualTo(new FaceBox(90, 30, 100, 100, 0.9));
    }

    @Test
    void landmarksOfABoxInAFrameAreTheOriginalsShiftedIntoTheFrame() throws IOException {
        JsonNode square = golden.find("astronaut-face-square");
        FaceBox b = GoldenCases.box(square);
        FaceLandmarks l = landmarker.locate(List.of(FaceLandmarker.Crop.of(TestMedia.image("astronaut.png"), b))).get(0);
        JsonNode rel = square.get("relative");
        for (int i = 0; i < FaceLandmarks.COUNT; i++) {
            assertThat((double) l.x(i)).isCloseTo(b.x() + rel.get(2 * i).asDouble() * b.width(), offset(0.02));
            assertThat((double) l.y(i)).isCloseTo(b.y() + rel.get(2 * i + 1).asDouble() * b.height(), offset(0.02));
        }
        // iBUG order on a frontal face: the jaw runs from the image's left (0) to its right (16),
        // the nose tip (30) lies between the outer eye corners (36, 45) and above the mouth (62)
        assertThat(l.x(0)).isLessThan(l.x(16));
        assertThat(l.x(36)).isLessThan(l.x(30)).isLessThan(l.x(45));
        assertThat(l.y(30)).isGreaterThan(l.y(36)).isLessThan(l.y(62));
        assertThat(l.bounds().width()).isBetween(0.6 * b.width(), 1.2 * b.width());
        assertThat(landmarker.toString()).contains("face_landmark_68_model").contains(" weights");
    }
}
