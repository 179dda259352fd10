package org.affectiveprocesses.backbone.expression;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.affectiveprocesses.api.backbone.FrameEncoding;
import org.affectiveprocesses.backbone.TestMedia;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java rebuild against the original: face-api's own JavaScript model, run by
 * src/test/node/golden.js on the TF.js CPU backend, on real face images. Max abs difference ≤ 1e-4.
 */
class FaceExpressionGoldenTest {
    private static FaceExpressionBackbone backbone;
    private static GoldenCases golden;

    @BeforeAll
    static void load() throws IOException {
        backbone = FaceExpressionBackbone.load();
        golden = GoldenCases.read(FaceExpressionGoldenTest.class, "face-expression-golden.json");
    }

    @AfterAll
    static void close() {
        backbone.close();
    }

    @Test
    void everyGoldenCaseMatchesTheJavaScriptModel() throws IOException {
        List<FrameEncoding> out = backbone.encodeInputs(golden.inputs(), golden.cases().size());
        double worst = 0;
        for (int i = 0; i < out.size(); i++) {
            JsonNode c = golden.cases().get(i);
            String name = c.get("name").asText();
            worst = Math.max(worst, GoldenCases.compare(name + " probabilities", c.get("probabilities"),
                    out.get(i).outputs().get(FaceExpressionBackbone.EMOTION_OUTPUT)));
            worst = Math.max(worst, GoldenCases.compare(name + " embedding", c.get("embedding"), out.get(i).features()));
        }
        System.out.printf("face_expression_model: max |Java - JavaScript| = %.2e over %d cases%n", worst, out.size());
    }

    @Test
    void theBackboneEncodesAFaceInAFrameAsTheOriginalDoesItsCrop() throws IOException {
        JsonNode square = golden.find("astronaut-face-square");
        FrameEncoding enc = backbone.encode(TestMedia.image("astronaut.png"), GoldenCases.box(square));
        GoldenCases.compare("frame + box", square.get("probabilities"), enc.outputs().get("emotion"));
        assertThat(enc.pseudoLabels()[0]).as("valence of a smiling face").isGreaterThan(0.9f);
        assertThat(enc.features()).hasSize(256);
        assertThat(backbone.toString()).as("weights read from the manifest").contains("323687 weights");
    }
}
