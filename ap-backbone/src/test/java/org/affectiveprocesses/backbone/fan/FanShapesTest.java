package org.affectiveprocesses.backbone.fan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.affectiveprocesses.api.LabelSpace;
import org.junit.jupiter.api.Test;

class FanShapesTest {

    @Test
    void paperNetworkHasThePaperShapesAtEveryStage() {
        FanConfig config = FanConfig.paperValenceArousal();
        try (FanNetwork net = FanNetwork.create(config, 1); NDManager m = net.manager().newSubManager()) {
            NDArray x = m.randomUniform(0, 1, FanNetwork.inputShape(config, 1));
            FanBlock b = net.block();
            NDList aligned = net.forwardAlignment(x, false);
            assertThat(aligned.get(0).getShape()).isEqualTo(new Shape(1, 324, 64, 64));
            assertThat(aligned.get(1).getShape()).isEqualTo(new Shape(1, 68, 64, 64));
            assertThat(b.alignment().getOutputShapes(new Shape[] {x.getShape()}))
                    .containsExactly(new Shape(1, 324, 64, 64), new Shape(1, 68, 64, 64));
            assertThat(b.taskFeatures().getOutputShapes(new Shape[] {aligned.get(0).getShape()}))
                    .containsExactly(new Shape(1, 128, 4, 4));
            NDList out = net.forward(x, false);
            assertThat(out.getShapes()).containsExactly(new Shape(1, 512), new Shape(1, 2), new Shape(1, 7),
                    new Shape(1, 20), new Shape(1, 20));
            assertThat(b.getOutputShapes(new Shape[] {x.getShape()})).containsExactly(out.getShapes());
        }
    }

    @Test
    void paperCostIsCountedFromTheLayers() {
        try (FanNetwork net = FanNetwork.create(FanConfig.paperValenceArousal(), 1)) {
            BackboneComplexity c = net.complexity();
            // head: four 4x4 convolutions over 128 channels, with biases
            long head = (2 + 7 + 20 + 20) * (128L * 16 + 1);
            assertThat(c.modules().get(2).parameters()).isEqualTo(head);
            assertThat(c.modules().get(2).multiplyAdds()).isEqualTo((2 + 7 + 20 + 20) * 128L * 16);
            // stem: 7x7 convolution 3 -> 64 at 128 x 128
            assertThat(c.multiplyAdds()).isGreaterThan(64L * 128 * 128 * 3 * 49);
            assertThat(c.parameters()).isEqualTo(c.modules().stream().mapToLong(BackboneComplexity.Module::parameters)
                    .sum());
            assertThat(c.multiplyAdds()).isEqualTo(c.modules().stream()
                    .mapToLong(BackboneComplexity.Module::multiplyAdds).sum());
            assertThat(c.parameters()).isBetween(2_000_000L, 3_000_000L);
            assertThat(c.multiplyAdds()).isBetween(4_000_000_000L, 6_000_000_000L);
        }
    }

    @Test
    void convBlockCostMatchesItsFormula() {
        try (NDManager m = ai.djl.engine.Engine.getEngine("PyTorch").newBaseManager()) {
            ConvBlock same = new ConvBlock(16, 16);
            same.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 16, 8, 8));
            assertThat(same.multiplyAdds(new Shape(1, 16, 8, 8)))
                    .isEqualTo(64L * (16 * 8 * 9 + 8 * 4 * 9 + 4 * 4 * 9));
            ConvBlock wider = new ConvBlock(8, 16);
            wider.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 8, 8, 8));
            assertThat(wider.multiplyAdds(new Shape(1, 8, 8, 8)))
                    .isEqualTo(64L * (8 * 8 * 9 + 8 * 4 * 9 + 4 * 4 * 9 + 8 * 16));
        }
    }

    @Test
    void actionUnitNetworkHasOneRegressionHead() {
        FanConfig config = FanConfig.paperActionUnits(LabelSpace.disfa()).withInputSize(128).withWidth(8)
                .withHourglassDepth(1);
        try (FanNetwork net = FanNetwork.create(config, 1); NDManager m = net.manager().newSubManager()) {
            NDList out = net.forward(m.zeros(FanNetwork.inputShape(config, 2)), false);
            assertThat(out.getShapes()).containsExactly(new Shape(2, 8), new Shape(2, 12));
            assertThat(config.featureSize()).isEqualTo(8);
        }
    }

    @Test
    void invalidConfigurationsAreRejected() {
        FanConfig paper = FanConfig.paperValenceArousal();
        assertThatThrownBy(() -> paper.withInputSize(200)).hasMessageContaining("multiple of 128");
        assertThatThrownBy(() -> paper.withWidth(10)).hasMessageContaining("multiple of 4");
        assertThatThrownBy(() -> paper.withInputSize(128).withHourglassDepth(6)).hasMessageContaining("[1, 5]");
    }
}
