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
            FaceApiNetwork.Output written = network.forward(n, (i, out, offset) -> System.arraycopy(inputs,
                    i * FaceApiInput.VALUES, out, offset, FaceApiInput.VALUES));
            assertThat(written.embeddings()).isEqualTo(all.embeddings());
            assertThat(written.head()).isEqualTo(all.head());
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
}
