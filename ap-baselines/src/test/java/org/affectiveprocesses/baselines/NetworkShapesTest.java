package org.affectiveprocesses.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.stream.Stream;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.baselines.nn.ParameterInit;
import org.affectiveprocesses.baselines.nn.TemporalNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every network maps [batch, time, in] to [batch, time, dy] for any window length, and refuses other inputs. */
class NetworkShapesTest {

    static Stream<Arguments> architectures() {
        return Stream.of(
                Arguments.of(new ConvGruConfig(2, 4, 3, ConvAxis.TIME, 1, 7)),
                Arguments.of(new ConvGruConfig(2, 4, 5, ConvAxis.FEATURE, 2, 7)),
                Arguments.of(new BiGruConfig(2, 4, 7)),
                Arguments.of(new SelfAttentionConfig(2, 2, 8, 6, true, 7)),
                Arguments.of(new SelfAttentionConfig(1, 2, 4, 6, false, 7)));
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void outputsOnePredictionPerFrameForOddWindowLengths(BaselineArchitecture a) {
        BaselineSpec spec = new BaselineSpec(a, 6, LabelSpace.bp4d(), false);
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            TemporalNetwork net = NetworkFactory.build(spec);
            net.initialize(m);
            ParameterInit.initialize(net, 3);
            ParameterStore store = new ParameterStore(m, false);
            for (int length : new int[] {1, 7, 31}) {
                NDArray out = net.predict(store, m.randomNormal(new Shape(3, length, 6)), false);
                assertThat(out.getShape()).isEqualTo(new Shape(3, length, 5));
                for (float v : out.toFloatArray()) {
                    assertThat(Float.isFinite(v)).isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void refusesWindowsOfAnotherInputSize(BaselineArchitecture a) {
        BaselineSpec spec = new BaselineSpec(a, 6, LabelSpace.valenceArousal(), false);
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            TemporalNetwork net = NetworkFactory.build(spec);
            net.initialize(m);
            ParameterStore store = new ParameterStore(m, false);
            assertThatThrownBy(() -> net.predict(store, m.zeros(new Shape(2, 5, 7)), false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[batch, time, 6]")
                    .hasMessageContaining("(2, 5, 7)");
            assertThatThrownBy(() -> net.predict(store, m.zeros(new Shape(5, 6)), false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[batch, time, 6]");
        }
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void predictionsOfAFrameDoNotDependOnTheBatch(BaselineArchitecture a) {
        BaselineSpec spec = new BaselineSpec(a, 6, LabelSpace.valenceArousal(), false);
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            TemporalNetwork net = NetworkFactory.build(spec);
            net.initialize(m);
            ParameterInit.initialize(net, 5);
            ParameterStore store = new ParameterStore(m, false);
            NDArray x = m.randomNormal(new Shape(4, 9, 6));
            float[] all = net.predict(store, x, false).toFloatArray();
            float[] second = net.predict(store, x.get("1:2"), false).toFloatArray();
            for (int i = 0; i < second.length; i++) {
                assertThat(second[i]).isCloseTo(all[9 * 2 + i], org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
    }
}
