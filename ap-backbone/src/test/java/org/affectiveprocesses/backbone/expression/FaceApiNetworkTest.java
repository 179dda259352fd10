package org.affectiveprocesses.backbone.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaceApiNetworkTest {
    private static FaceApiNetwork expressionNetwork() throws IOException {
        return FaceApiNetwork.create(TfjsWeights.fromClasspath(FaceExpressionBackbone.RESOURCE_DIR,
                FaceExpressionBackbone.MANIFEST, "missing"), Emotion.values().length);
    }

    @Test
    void aBatchLargerThanOneRunGivesEachFaceItsOwnOutputs() throws IOException {
        int n = FaceApiNetwork.MAX_BATCH + 2;
        float[] inputs = new float[n * FaceApiInput.VALUES];
        Random random = new Random(3);
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = random.nextFloat() - 0.5f;
        }
        try (FaceApiNetwork network = expressionNetwork()) {
            FaceApiNetwork.Output all = network.forward(inputs, n);
            FaceApiNetwork.Output reversed = network.forward(n, (i, out, offset) -> System.arraycopy(inputs,
                    (n - 1 - i) * FaceApiInput.VALUES, out, offset, FaceApiInput.VALUES));
            for (int i = 0; i < n; i++) {
                assertThat(reversed.head(i)).as("face %d written in its own place", i).isEqualTo(all.head(n - 1 - i));
            }
            for (int i : new int[] {0, n - 1}) {
                FaceApiNetwork.Output one = network.forward(Arrays.copyOfRange(inputs, i * FaceApiInput.VALUES,
                        (i + 1) * FaceApiInput.VALUES), 1);
                for (int k = 0; k < one.head().length; k++) {
                    assertThat(all.head(i)[k]).isCloseTo(one.head()[k], within(1e-5f));
                }
            }
            assertThat(network.parameterCount()).isEqualTo(323_687);
        }
    }

    @Test
    void badBatchesAreRejected() throws IOException {
        try (FaceApiNetwork network = expressionNetwork()) {
            assertThatThrownBy(() -> network.forward(new float[10], 1)).hasMessageContaining("needs 37632");
            assertThatThrownBy(() -> network.forward(0, (i, out, offset) -> { }))
                    .hasMessageContaining("at least one face");
        }
    }

    @Test
    void theBackboneEncodesRegionsInPlaceExactlyAsTheCutOutFaces() throws IOException {
        byte[] px = new byte[160 * 120 * 3];
        new Random(11).nextBytes(px);
        org.affectiveprocesses.api.backbone.RgbImage frame = org.affectiveprocesses.api.backbone.RgbImage.of(160,
                120, px);
        org.affectiveprocesses.api.backbone.FaceBox box = new org.affectiveprocesses.api.backbone.FaceBox(30.5, 10.2,
                70, 90, 1);
        try (FaceExpressionBackbone backbone = FaceExpressionBackbone.load()) {
            var inPlace = backbone.encodeRegions(java.util.List.of(frame, frame), java.util.List.of(frame.region(box),
                    new org.affectiveprocesses.api.backbone.RgbImage.Region(0, 0, 160, 120)));
            var cut = backbone.encodeAll(java.util.List.of(frame.crop(box), frame));
            for (int i = 0; i < 2; i++) {
                assertThat(inPlace.get(i).features()).isEqualTo(cut.get(i).features());
                assertThat(inPlace.get(i).pseudoLabels()).isEqualTo(cut.get(i).pseudoLabels());
            }
            assertThat(backbone.encode(frame, box).features())
                    .isEqualTo(backbone.encode(frame.crop(FaceExpressionBackbone.squareAround(box))).features());
        }
    }
}
