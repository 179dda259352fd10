package org.affectiveprocesses.backbone.expression;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.api.backbone.FrameEncoding;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.affectiveprocesses.backbone.TestMedia;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java rebuild against the original: face-api's own JavaScript model, run by
 * src/test/node/golden.js on the TF.js CPU backend, on real face images. Max abs difference ≤ 1e-4.
 */
class FaceExpressionGoldenTest {
    private static final double TOLERANCE = 1e-4;
    private static FaceExpressionBackbone backbone;
    private static JsonNode golden;

    @BeforeAll
    static void load() throws IOException {
        backbone = FaceExpressionBackbone.load();
        try (InputStream in = FaceExpressionGoldenTest.class.getResourceAsStream("face-expression-golden.json")) {
            golden = new ObjectMapper().readTree(in);
        }
    }

    @AfterAll
    static void close() {
        backbone.close();
    }

    @Test
    void everyGoldenCaseMatchesTheJavaScriptModel() throws IOException {
        assertThat(golden.get("cases").size()).isGreaterThanOrEqualTo(9);
        RgbImage astronaut = TestMedia.image("astronaut.png");
        List<float[]> inputs = new ArrayList<>();
        for (JsonNode c : golden.get("cases")) {
            inputs.add(input(c, astronaut));
        }
        float[] batch = new float[inputs.size() * inputs.get(0).length];
        for (int i = 0; i < inputs.size(); i++) {
            System.arraycopy(inputs.get(i), 0, batch, i * inputs.get(i).length, inputs.get(i).length);
        }
        List<FrameEncoding> out = backbone.encodeInputs(batch, inputs.size());
        double worst = 0;
        for (int i = 0; i < out.size(); i++) {
            JsonNode c = golden.get("cases").get(i);
            float[] p = out.get(i).outputs().get(FaceExpressionBackbone.EMOTION_OUTPUT);
            float[] e = out.get(i).features();
            worst = Math.max(worst, compare(c.get("name").asText() + " probabilities", c.get("probabilities"), p));
            worst = Math.max(worst, compare(c.get("name").asText() + " embedding", c.get("embedding"), e));
        }
        assertThat(worst).isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    void theBackboneEncodesAFaceInAFrameAsTheOriginalDoesItsCrop() throws IOException {
        JsonNode square = find("astronaut-face-square");
        JsonNode b = square.get("box");
        FaceBox box = new FaceBox(b.get(0).asDouble(), b.get(1).asDouble(), b.get(2).asDouble(), b.get(3).asDouble(), 0.9);
        FrameEncoding enc = backbone.encode(TestMedia.image("astronaut.png"), box);
        compare("frame + box", square.get("probabilities"), enc.outputs().get("emotion"));
        assertThat(enc.pseudoLabels()[0]).as("valence of a smiling face").isGreaterThan(0.9f);
        assertThat(enc.features()).hasSize(256);
        assertThat(backbone.toString()).as("weights read from the manifest").contains("323687 weights");
    }

    private static JsonNode find(String name) {
        for (JsonNode c : golden.get("cases")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no golden case " + name);
    }

    private static float[] input(JsonNode c, RgbImage astronaut) throws IOException {
        if (c.has("image")) {
            JsonNode b = c.get("box");
            FaceBox box = new FaceBox(b.get(0).asInt(), b.get(1).asInt(), b.get(2).asInt(), b.get(3).asInt(), 1);
            return FaceExpressionInput.fromImage(astronaut.crop(box));
        }
        double[] grey = TestMedia.lfw(c.get("lfwIndex").asInt());
        float[] rgb = new float[grey.length * 3];
        for (int i = 0; i < grey.length; i++) {
            float v = (float) (grey[i] * 255);
            rgb[3 * i] = v;
            rgb[3 * i + 1] = v;
            rgb[3 * i + 2] = v;
        }
        return FaceExpressionInput.fromPixels(rgb, 25, 25);
    }

    private static double compare(String what, JsonNode expected, float[] actual) {
        assertThat(actual).as(what).hasSize(expected.size());
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected.get(i).asDouble()));
        }
        assertThat(worst).as("max |Java - JavaScript| of %s", what).isLessThanOrEqualTo(TOLERANCE);
        return worst;
    }
}
