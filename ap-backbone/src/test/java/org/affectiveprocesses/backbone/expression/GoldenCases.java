package org.affectiveprocesses.backbone.expression;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.affectiveprocesses.backbone.TestMedia;

/**
 * A golden file written by src/test/node (the original face-api model's outputs on real images)
 * and what the Java checks against it share: the cases' images as network inputs and the
 * comparison of outputs.
 *
 * @param cases the file's cases, in order
 */
public record GoldenCases(JsonNode cases) {
    /** The largest absolute difference the Java rebuilds may show against the original. */
    public static final double TOLERANCE = 1e-4;

    /** Reads a golden file from the classpath, next to a class. */
    public static GoldenCases read(Class<?> anchor, String resource) throws IOException {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            assertThat(in).as("golden file %s", resource).isNotNull();
            JsonNode cases = new ObjectMapper().readTree(in).get("cases");
            assertThat(cases.size()).as("cases in %s", resource).isGreaterThanOrEqualTo(9);
            return new GoldenCases(cases);
        }
    }

    /** The case of that name. */
    public JsonNode find(String name) {
        for (JsonNode c : cases) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no golden case " + name);
    }

    /** A case's pixel box in its image. */
    public static FaceBox box(JsonNode c) {
        JsonNode b = c.get("box");
        return new FaceBox(b.get(0).asInt(), b.get(1).asInt(), b.get(2).asInt(), b.get(3).asInt(), 1);
    }

    /** A case's image: a crop of astronaut.png or an LFW face (grey over R, G, B, 0-255). */
    public static RgbImage image(JsonNode c) throws IOException {
        if (c.has("image")) {
            return TestMedia.image(c.get("image").asText()).crop(box(c));
        }
        double[] grey = TestMedia.lfw(c.get("lfwIndex").asInt());
        byte[] rgb = new byte[grey.length * 3];
        for (int i = 0; i < grey.length; i++) {
            rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = (byte) Math.round(grey[i] * 255);
        }
        return RgbImage.of(25, 25, rgb);
    }

    /**
     * The network inputs of every case, as one batch: face-api's preprocessing of the same pixels
     * (LFW faces as the float values the generator gave, not rounded to bytes).
     */
    public float[] inputs() throws IOException {
        List<float[]> inputs = new ArrayList<>();
        for (JsonNode c : cases) {
            if (c.has("image")) {
                inputs.add(FaceApiInput.fromImage(image(c)));
            } else {
                double[] grey = TestMedia.lfw(c.get("lfwIndex").asInt());
                float[] rgb = new float[grey.length * 3];
                for (int i = 0; i < grey.length; i++) {
                    rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = (float) (grey[i] * 255);
                }
                inputs.add(FaceApiInput.fromPixels(rgb, 25, 25));
            }
        }
        int side = inputs.get(0).length;
        float[] batch = new float[inputs.size() * side];
        for (int i = 0; i < inputs.size(); i++) {
            System.arraycopy(inputs.get(i), 0, batch, i * side, side);
        }
        return batch;
    }

    /**
     * Compares values with the golden ones, failing beyond {@link #TOLERANCE}.
     *
     * @return the largest absolute difference
     */
    public static double compare(String what, JsonNode expected, float[] actual) {
        assertThat(actual).as(what).hasSize(expected.size());
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected.get(i).asDouble()));
        }
        assertThat(worst).as("max |Java - JavaScript| of %s", what).isLessThanOrEqualTo(TOLERANCE);
        return worst;
    }
}
