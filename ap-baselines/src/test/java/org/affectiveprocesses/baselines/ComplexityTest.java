package org.affectiveprocesses.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.BatchNorm;
import java.util.List;
import org.affectiveprocesses.api.Complexity;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.baselines.nn.MacCounter;
import org.affectiveprocesses.io.TensorSpec;
import org.junit.jupiter.api.Test;

/** Parameter and multiply-add counts against values worked out by hand. */
class ComplexityTest {
    private static final LabelSpace VA = LabelSpace.valenceArousal();

    private static Complexity count(BaselineArchitecture a, int featureSize, int window) {
        return new BaselineSpec(a, featureSize, VA, false).complexity(window);
    }

    @Test
    void convGruOverTimeMatchesHandCount() {
        // dx 6, H 4, k 3, 2 layers, dy 2. Layer 0: conv 12x6x3 + 12, dense 12x4 + 12; layer 1: conv 12x4x3 + 12,
        // dense 12x4 + 12; head 2x4 + 2.
        Complexity c = count(new ConvGruConfig(2, 4, 3, ConvAxis.TIME, 1, 5), 6, 5);
        assertThat(c.parameters()).isEqualTo((216 + 12 + 48 + 12) + (144 + 12 + 48 + 12) + 10);
        // L = 5: conv outputs 12 x 5 each cost 6x3 (layer 0) or 4x3 (layer 1); the dense state transform 48 per step.
        assertThat(c.multiplyAdds()).isEqualTo(60L * 18 + 5 * 48 + 60L * 12 + 5 * 48 + 5 * 8);
    }

    @Test
    void convGruOverFeaturesMatchesHandCount() {
        // dx 6 read as 2 channels x 3 positions, H 4, k 3, 1 layer, dy 2; head reads 4 x 3 = 12 values.
        Complexity c = count(new ConvGruConfig(1, 4, 3, ConvAxis.FEATURE, 2, 5), 6, 5);
        assertThat(c.parameters()).isEqualTo((12 * 2 * 3 + 12) + (12 * 4 * 3 + 12) + (12 * 2 + 2));
        // Per frame: 12 x 3 input-conv outputs at 2x3 each, 12 x 3 state-conv outputs at 4x3 each, head 12x2.
        assertThat(c.multiplyAdds()).isEqualTo(5L * (36 * 6 + 36 * 12 + 24));
    }

    @Test
    void biGruMatchesHandCount() {
        // dx 6, H 4 per direction, 2 layers, dy 2. Per direction: i2h 12 x in, h2h 12 x 4, two biases of 12.
        Complexity c = count(new BiGruConfig(2, 4, 5), 6, 5);
        assertThat(c.parameters()).isEqualTo(2 * (72 + 48 + 24) + 2 * (96 + 48 + 24) + (8 * 2 + 2));
        assertThat(c.multiplyAdds()).isEqualTo(5L * 2 * (72 + 48) + 5L * 2 * (96 + 48) + 5L * 16);
    }

    @Test
    void selfAttentionMatchesHandCount() {
        // width 8, 2 heads, feed-forward 6, 1 layer, dy 2; input 8 needs no projection.
        Complexity c = count(new SelfAttentionConfig(1, 2, 8, 6, true, 5), 8, 5);
        long layer = 4 * (64 + 8) + 2 * 16 + (48 + 6) + (48 + 8);
        assertThat(c.parameters()).isEqualTo(layer + 18);
        // L = 5: four projections 5x64 each, scores and weighted sum 2 x 25 x 8, feed-forward 5x48 twice, head 5x16.
        assertThat(c.multiplyAdds()).isEqualTo(4 * 320 + 400 + 240 + 240 + 80);
        // a 6-d input adds a 6 -> 8 projection
        Complexity projected = count(new SelfAttentionConfig(1, 2, 8, 6, true, 5), 6, 5);
        assertThat(projected.parameters()).isEqualTo(c.parameters() + 48 + 8);
        assertThat(projected.multiplyAdds()).isEqualTo(c.multiplyAdds() + 5 * 48);
    }

    @Test
    void attentionCostGrowsWithTheSquareOfTheWindow() {
        SelfAttentionConfig a = new SelfAttentionConfig(1, 2, 8, 6, false, 5);
        long l10 = count(a, 8, 10).multiplyAdds();
        long l20 = count(a, 8, 20).multiplyAdds();
        // linear terms double; the 2 L^2 W term quadruples
        assertThat(l20 - 2 * l10).isEqualTo(2L * 8 * (400 - 2 * 100));
    }

    @Test
    void paperModelsHaveTheirExactCounts() {
        List<ComplexityTable.Row> rows = ComplexityTable.paper().rows();
        assertThat(rows).extracting(r -> r.measured().parameters()).containsExactly(
                330_884L, 1_232_130L, 2_368_005L, 4_206_594L, 1_061_890L, 1_185_285L);
        assertThat(rows).extracting(r -> r.measured().multiplyAdds()).containsExactly(
                rows.get(0).measured().multiplyAdds(), 36_871_680L, 141_711_360L, 127_703_040L, 1_008_844_800L,
                70_932_480L);
        assertThat(rows).extracting(r -> r.measured().windowLength()).containsExactly(70, 30, 60, 30, 30, 60);
        String md = ComplexityTable.paper().toMarkdown();
        assertThat(md).contains("| Self-Attn | 30 | 4,206,594 | 127.7 M | ~4.2 M | ~125 M |")
                .contains("| BiGRU, 1 bidirectional layer | 60 | 1,185,285 | 70.9 M | ~1.2 M | ~71 M |");
    }

    @Test
    void tensorNamesAreReadableAndCoverAllParameters() {
        BaselineSpec spec = new BaselineSpec(new BiGruConfig(1, 4, 5), 6, VA, false);
        List<TensorSpec> tensors = spec.tensors();
        assertThat(tensors).extracting(TensorSpec::name).contains("layer0.forward.l_0_i2h_weight",
                "layer0.backward.l_0_h2h_bias", "head.weight", "head.bias");
        assertThat(tensors.stream().mapToLong(TensorSpec::size).sum()).isEqualTo(spec.parameterCount());
        assertThat(new BaselineSpec(new SelfAttentionConfig(1, 2, 8, 6, true, 5), 8, VA, false).tensors())
                .extracting(TensorSpec::name).contains("layer0.attention.queryProjection.weight",
                        "layer0.attentionNorm.gamma", "layer0.feedForwardIn.weight");
    }

    @Test
    void unknownLayerTypesAreRefusedRatherThanCountedAsFree() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            BatchNorm bn = BatchNorm.builder().build();
            bn.initialize(m, DataType.FLOAT32, new Shape(2, 3));
            assertThatThrownBy(() -> MacCounter.count(bn, new Shape(2, 3)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BatchNorm");
            assertThat(MacCounter.count(Activation.reluBlock(), new Shape(2, 3))).isZero();
        }
    }
}
