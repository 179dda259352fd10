package org.affectiveprocesses.video.face;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.affectiveprocesses.backbone.TestMedia;

/**
 * Measures a detector on real faces: the six annotated group photographs of the face-api package
 * (22 faces), and LFW face crops vs non-face crops (skimage's lfw_subset, 25 × 25 grey, scaled ×4
 * into the middle of a 200 × 200 grey canvas).
 *
 * @param hits annotated faces found in the photographs
 * @param faces annotated faces in the photographs
 * @param falsePositives detections in the photographs matching no annotated face
 * @param lfwFound LFW face crops with at least one detection
 * @param lfwNonFaceFlagged LFW non-face crops with at least one detection
 * @param lfwEach LFW crops of each kind tried
 */
public record DetectionScore(int hits, int faces, int falsePositives, int lfwFound, int lfwNonFaceFlagged, int lfwEach) {

    /** Scores a detector, with {@code lfwEach} face and non-face crops. */
    public static DetectionScore of(FaceDetector detector, int lfwEach) throws IOException {
        JsonNode truth;
        try (InputStream in = DetectionScore.class.getResourceAsStream("face-api-samples-faces.json")) {
            truth = new ObjectMapper().readTree(in);
        }
        int hits = 0;
        int faces = 0;
        int fp = 0;
        for (JsonNode image : truth.get("images")) {
            List<FaceBox> found = detector.detect(TestMedia.image(image.get("file").asText()));
            JsonNode annotated = image.get("faces");
            boolean[] matched = new boolean[annotated.size()];
            for (FaceBox b : found) {
                double cx = b.x() + b.width() / 2;
                double cy = b.y() + b.height() / 2;
                double size = Math.sqrt(b.area());
                int hit = -1;
                for (int k = 0; k < matched.length && hit < 0; k++) {
                    JsonNode f = annotated.get(k);
                    double s = f.get(2).asDouble();
                    if (!matched[k] && Math.hypot(cx - f.get(0).asDouble(), cy - f.get(1).asDouble()) < 0.6 * s
                            && size > 0.35 * s && size < 2.5 * s) {
                        hit = k;
                    }
                }
                if (hit >= 0) {
                    matched[hit] = true;
                    hits++;
                } else {
                    fp++;
                }
            }
            faces += matched.length;
        }
        int lfwFound = 0;
        int lfwFlagged = 0;
        for (int i = 0; i < lfwEach; i++) {
            lfwFound += detector.detect(lfwCanvas(i)).isEmpty() ? 0 : 1;
            lfwFlagged += detector.detect(lfwCanvas(100 + i)).isEmpty() ? 0 : 1;
        }
        return new DetectionScore(hits, faces, fp, lfwFound, lfwFlagged, lfwEach);
    }

    /** LFW crop {@code index} (0-99 faces, 100-199 non-faces) ×4 in a 200 × 200 grey canvas. */
    static RgbImage lfwCanvas(int index) throws IOException {
        double[] grey = TestMedia.lfw(index);
        byte[] rgb = new byte[200 * 200 * 3];
        java.util.Arrays.fill(rgb, (byte) 128);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 100; x++) {
                byte v = (byte) Math.round(255 * grey[(y / 4) * 25 + x / 4]);
                int o = ((y + 50) * 200 + x + 50) * 3;
                rgb[o] = v;
                rgb[o + 1] = v;
                rgb[o + 2] = v;
            }
        }
        return RgbImage.of(200, 200, rgb);
    }

    /** One table row. */
    public String row(String name) {
        return String.format(Locale.ROOT, "| %s | %d/%d | %d | %d/%d | %d/%d |", name, hits, faces, falsePositives,
                lfwFound, lfwEach, lfwNonFaceFlagged, lfwEach);
    }

    /** Prints the comparison table of docs/video.md (run from the test classpath after the build). */
    public static void main(String[] args) throws IOException {
        System.out.println("| detector | photo faces found | photo false positives | LFW faces found | LFW non-faces flagged |");
        System.out.println("|---|---|---|---|---|");
        for (String name : FaceDetectors.NAMES) {
            try (FaceDetector d = FaceDetectors.byName(name)) {
                System.out.println(of(d, 100).row(name));
            }
        }
    }
}
