package org.affectiveprocesses.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.affectiveprocesses.io.TensorSpec;

/** The flat parameter vector engines train on: its layout and its round trip. */
class ApWeightsFlatTest {
    private static final ApModelSpec PAPER = ApModelSpec.paperValenceArousal();

    @Test
    void offsetsFollowTheTensorsAndEndAtTheParameterCount() {
        int[] offsets = PAPER.parameterOffsets();
        List<TensorSpec> tensors = PAPER.parameters();
        assertThat(offsets).hasSize(tensors.size() + 1);
        assertThat(offsets[0]).isZero();
        assertThat(offsets[offsets.length - 1]).isEqualTo(PAPER.parameterCount()).isEqualTo(330_884);
        for (int i = 0; i < tensors.size(); i++) {
            assertThat(offsets[i + 1] - offsets[i]).as(tensors.get(i).name()).isEqualTo(tensors.get(i).size());
        }
    }

    @Test
    void flattenThenFromFlatGivesTheSameWeights() {
        ApWeights w = WeightInitializer.initialize(PAPER, 3);
        float[] flat = w.flatten();
        int[] offsets = PAPER.parameterOffsets();
        String second = PAPER.parameters().get(1).name();
        assertThat(flat[offsets[1]]).isEqualTo(w.get(second)[0]);
        assertThat(ApWeights.fromFlat(PAPER, flat)).isEqualTo(w);
    }

    @Test
    void aVectorOfTheWrongLengthIsRejected() {
        assertThatThrownBy(() -> ApWeights.fromFlat(PAPER, new float[10]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("330884").hasMessageContaining("got 10");
    }
}
