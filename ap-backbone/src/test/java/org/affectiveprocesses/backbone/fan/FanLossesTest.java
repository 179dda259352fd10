package org.affectiveprocesses.backbone.fan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class FanLossesTest {

    @Test
    void binsDivideMinusOneToOneUniformly() {
        assertThat(FanLosses.bin(-1f, 20)).isZero();
        assertThat(FanLosses.bin(-0.95f, 20)).isEqualTo(0);
        assertThat(FanLosses.bin(-0.9f, 20)).isEqualTo(1);
        assertThat(FanLosses.bin(0f, 20)).isEqualTo(10);
        assertThat(FanLosses.bin(0.99f, 20)).isEqualTo(19);
        assertThat(FanLosses.bin(1f, 20)).isEqualTo(19);
        assertThat(FanLosses.bin(3f, 20)).isEqualTo(19);
    }

    @Test
    void multiTaskLossMatchesAHandComputation() {
        // Two images, 2 emotion classes, 2 bins per dimension.
        float[] pred = {0.5f, -0.5f, -0.5f, 0.5f};
        float[] labels = {1f, -1f, 0f, 0f};
        int[] emotions = {1, -1};
        // MSE: ((0.5-1)^2 + (-0.5+1)^2 + 0.25 + 0.25) / 4 = 0.25
        // valence: p = [0.5, -0.5] (mean 0, var 0.25), y = [1, 0] (mean 0.5, var 0.25), cov = 0.25
        //   CCC = 0.5 / (0.25 + 0.25 + 0.25) = 2/3; arousal: p = [-0.5, 0.5], y = [-1, 0] -> CCC = 2/3
        // CCC loss = 1 - 2/3 = 1/3
        // emotion logits row 0 = [0, ln 3]: CE of class 1 = ln(4/3); row 1 unlabelled -> mean over 1 row
        // valence bins: y=1 -> bin 1, y=0 -> bin 1; logits all zero -> CE = ln 2 each
        // arousal bins: y=-1 -> bin 0, y=0 -> bin 1; logits all zero -> CE = ln 2
        double expected = 0.5 * 0.25 + 1.0 / 3 + Math.log(4.0 / 3) + Math.log(2) + Math.log(2);
        try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
            NDList heads = new NDList(m.create(pred, new Shape(2, 2)),
                    m.create(new float[] {0f, (float) Math.log(3), 5f, -5f}, new Shape(2, 2)),
                    m.zeros(new Shape(2, 2)), m.zeros(new Shape(2, 2)));
            NDList loss = FanLosses.multiTask(heads, labels, emotions, 2);
            assertThat(loss.get(1).getFloat()).isCloseTo(0.25f, within(1e-6f));
            assertThat(loss.get(2).getFloat()).isCloseTo(1f / 3, within(1e-5f));
            assertThat(loss.get(3).getFloat()).isCloseTo((float) Math.log(4.0 / 3), within(1e-5f));
            assertThat(loss.get(0).getFloat()).isCloseTo((float) expected, within(1e-5f));
        }
    }

    @Test
    void crossEntropyWithoutAnyLabelIsZero() {
        try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
            float ce = FanLosses.crossEntropy(m.create(new float[] {1, 2, 3, 4}, new Shape(2, 2)), new int[] {-1, -1})
                    .getFloat();
            assertThat(ce).isZero();
        }
    }
}
