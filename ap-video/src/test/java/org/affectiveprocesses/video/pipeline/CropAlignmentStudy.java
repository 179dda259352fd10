package org.affectiveprocesses.video.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.api.backbone.FrameEncoding;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.affectiveprocesses.backbone.TestMedia;
import org.affectiveprocesses.backbone.expression.FaceExpressionBackbone;
import org.affectiveprocesses.video.AffectRecognizer;
import org.affectiveprocesses.video.face.BlazeFaceDetector;
import org.affectiveprocesses.video.landmarks.FaceLandmarker;

/**
 * Does aligning the backbone's crop by the landmarks help? Without expression labels, two
 * measures: how much the backbone's output moves when the detector's box is off by a little (the
 * box of each of the 22 annotated faces of the face-api demo photographs and of astronaut.png,
 * shifted by 8% of its side in each direction and scaled by 0.9 and 1.1), and the jitter of the
 * per-frame valence on the test clips (mean absolute change between consecutive frames of a face).
 * Prints both for {@link FaceCrop#DETECTOR_BOX} and {@link FaceCrop#LANDMARKS}.
 */
public final class CropAlignmentStudy {
    private CropAlignmentStudy() {
    }

    /** Runs the study (needs the test media: {@code -Dap.testMedia=ap-video/target/test-media}). */
    public static void main(String[] args) throws IOException {
        List<RgbImage> images = new ArrayList<>();
        List<FaceBox> faces = new ArrayList<>();
        collectFaces(images, faces);
        try (FaceLandmarker landmarker = FaceLandmarker.load();
                FaceExpressionBackbone backbone = FaceExpressionBackbone.load()) {
            for (FaceCrop crop : FaceCrop.values()) {
                double tv = 0;
                double valence = 0;
                int n = 0;
                for (int i = 0; i < faces.size(); i++) {
                    FrameEncoding base = encode(images.get(i), faces.get(i), crop, landmarker, backbone);
                    for (FaceBox off : perturbed(faces.get(i))) {
                        FrameEncoding moved = encode(images.get(i), off, crop, landmarker, backbone);
                        tv += totalVariation(base.outputs().get("emotion"), moved.outputs().get("emotion"));
                        valence += Math.abs(base.pseudoLabels()[0] - moved.pseudoLabels()[0]);
                        n++;
                    }
                }
                System.out.printf(Locale.ROOT, "%s: %d faces x 6 box errors: mean total variation of the emotion"
                        + " probabilities %.4f, mean |valence change| %.4f%n", crop, faces.size(), tv / n, valence / n);
            }
        }
        for (String clip : List.of("Megamind.avi", "vtest.avi")) {
            for (FaceCrop crop : FaceCrop.values()) {
                try (AffectRecognizer r = AffectRecognizer.builder().faceCrop(crop).faces(FaceSelection.ALL).build()) {
                    System.out.printf(Locale.ROOT, "%s, %s: %s%n", clip, crop, org.affectiveprocesses.video.smoothing.Jitter.of(r.analyze(TestMedia.file(clip))));
                }
            }
        }
    }

    private static FrameEncoding encode(RgbImage image, FaceBox detection, FaceCrop crop, FaceLandmarker landmarker,
            FaceExpressionBackbone backbone) {
        FaceBox box = crop.of(detection, landmarker.locate(image, List.of(detection)).get(0));
        return backbone.encodeAll(List.of(image.crop(box))).get(0);
    }

    private static List<FaceBox> perturbed(FaceBox b) {
        double s = Math.max(b.width(), b.height());
        List<FaceBox> out = new ArrayList<>();
        for (double[] d : new double[][] {{0.08, 0}, {-0.08, 0}, {0, 0.08}, {0, -0.08}}) {
            out.add(new FaceBox(b.x() + d[0] * s, b.y() + d[1] * s, b.width(), b.height(), b.confidence()));
        }
        for (double k : new double[] {0.9, 1.1}) {
            double w = b.width() * k;
            double h = b.height() * k;
            out.add(new FaceBox(b.x() + (b.width() - w) / 2, b.y() + (b.height() - h) / 2, w, h, b.confidence()));
        }
        return out;
    }

    private static double totalVariation(float[] p, float[] q) {
        double d = 0;
        for (int k = 0; k < p.length; k++) {
            d += Math.abs(p[k] - q[k]);
        }
        return d / 2;
    }

    /** The detector's boxes of the annotated faces of the face-api photographs, and astronaut.png's. */
    private static void collectFaces(List<RgbImage> images, List<FaceBox> faces) throws IOException {
        JsonNode truth;
        try (InputStream in = CropAlignmentStudy.class.getResourceAsStream(
                "/org/affectiveprocesses/video/face/face-api-samples-faces.json")) {
            truth = new ObjectMapper().readTree(in);
        }
        try (BlazeFaceDetector detector = BlazeFaceDetector.create()) {
            for (JsonNode image : truth.get("images")) {
                RgbImage img = TestMedia.image(image.get("file").asText());
                for (FaceBox b : detector.detect(img)) {
                    for (JsonNode f : image.get("faces")) {
                        if (Math.hypot(b.x() + b.width() / 2 - f.get(0).asDouble(),
                                b.y() + b.height() / 2 - f.get(1).asDouble()) < 0.6 * f.get(2).asDouble()) {
                            images.add(img);
                            faces.add(b);
                            break;
                        }
                    }
                }
            }
            RgbImage astronaut = TestMedia.image("astronaut.png");
            images.add(astronaut);
            faces.add(detector.detect(astronaut).get(0));
        }
    }
}
