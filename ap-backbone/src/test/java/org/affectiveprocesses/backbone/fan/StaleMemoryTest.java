package org.affectiveprocesses.backbone.fan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The network's outputs do not depend on what freed native memory held: the regression test for
 * PyTorch 2.7.1's oneDNN convolutions that read unzeroed channel padding (see {@link
 * FiniteOutputs}). Before every forward pass, blocks of native memory of many sizes are filled
 * with NaN and freed, so that the allocator hands them out again; a convolution that reads
 * memory it did not write then gives NaN. Passes with {@code ONEDNN_MAX_CPU_ISA=SSE41} (set for
 * this module's tests in its POM); failed 7 to 8 times in 10 without it on AVX2 and AVX-512
 * machines.
 */
class StaleMemoryTest {
    private static final int ROUNDS = 6;

    @Test
    void forwardPassesGiveTheSameFiniteOutputsWhateverFreedMemoryHeld() {
        try (FanNetwork net = FanNetwork.create(TinyNets.valenceArousal(), 7);
                NDManager m = net.manager().newSubManager()) {
            NDArray x = m.randomUniform(0, 1, FanNetwork.inputShape(net.config(), 4));
            float[] first = net.forward(x, false).get(0).toFloatArray();
            assertFinite(first);
            for (int round = 0; round < ROUNDS; round++) {
                fillFreedMemoryWithNaN(net.manager());
                NDList y = net.forward(x, false);
                assertThat(y.get(0).toFloatArray()).as("round %d", round).containsExactly(first);
                y.close();
            }
        }
    }

    @Test
    void aNonFiniteOutputIsRefusedWithTheKnownCauseNamed() {
        assertThatThrownBy(() -> FiniteOutputs.check(new float[] {1, Float.NaN}, "the features"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the features is not finite (value 1 is NaN)");
        FiniteOutputs.check(new float[] {0, -1, Float.MAX_VALUE}, "finite values");
    }

    private static void assertFinite(float[] values) {
        for (float v : values) {
            assertThat(v).isFinite();
        }
    }

    /** Allocates NaN-filled native arrays from 64 B to 32 MB and frees them. */
    private static void fillFreedMemoryWithNaN(NDManager parent) {
        try (NDManager m = parent.newSubManager()) {
            for (int size = 16; size <= 1 << 23; size *= 2) {
                for (int n : new int[] {size, size + size / 2}) {
                    float[] nan = new float[n];
                    Arrays.fill(nan, Float.NaN);
                    m.create(nan);
                }
            }
        }
    }
}
