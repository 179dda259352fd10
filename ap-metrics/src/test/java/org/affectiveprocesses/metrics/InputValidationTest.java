package org.affectiveprocesses.metrics;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every metric rejects malformed input with a message that says what and where. */
class InputValidationTest {

    private static final double[] GOOD = {0.1, 0.2, 0.3};

    @ParameterizedTest
    @EnumSource(Metric.class)
    void nullArguments(Metric metric) {
        assertThatThrownBy(() -> metric.compute(null, GOOD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("truth must not be null");
        assertThatThrownBy(() -> metric.compute(GOOD, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prediction must not be null");
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void differentLengths(Metric metric) {
        assertThatThrownBy(() -> metric.compute(GOOD, new double[] {0.1, 0.2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truth has 3 values, prediction has 2");
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void nanNamesArgumentAndIndex(Metric metric) {
        assertThatThrownBy(() -> metric.compute(GOOD, new double[] {0.1, 0.2, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("prediction[2] is NaN");
        assertThatThrownBy(() -> metric.compute(new double[] {0.1, Double.NaN, 0.3}, GOOD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("truth[1] is NaN");
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void infinityNamesArgumentAndIndex(Metric metric) {
        assertThatThrownBy(() -> metric.compute(new double[] {Double.NEGATIVE_INFINITY, 0, 1}, GOOD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("truth[0] is -Infinity");
        assertThatThrownBy(() -> metric.compute(GOOD, new double[] {0, Double.POSITIVE_INFINITY, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("prediction[1] is Infinity");
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void fewerThanTwoFrames(Metric metric) {
        assertThatThrownBy(() -> metric.compute(new double[] {0.5}, new double[] {0.5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at least 2 frames are needed, got 1");
        assertThatThrownBy(() -> metric.compute(new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at least 2 frames are needed, got 0");
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void overflowIsAnErrorNotAnInfiniteOrNanResult(Metric metric) {
        double[] huge = {-1.7e308, 1.7e308, 0};
        assertThatThrownBy(() -> metric.compute(huge, new double[] {1.7e308, -1.7e308, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too large");
    }
}
