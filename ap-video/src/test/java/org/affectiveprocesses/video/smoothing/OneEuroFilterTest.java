package org.affectiveprocesses.video.smoothing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OneEuroFilterTest {
    @Test
    void withoutSpeedTermItIsAFirstOrderLowPassWithTheCutoffsSmoothingFactor() {
        OneEuroFilter f = new OneEuroFilter(new OneEuroFilter.Parameters(1.0, 0.0, 1.0));
        assertThat(f.filter(0.0, 0.0)).as("the first sample passes").isEqualTo(0.0);
        double dt = 0.04;
        double alpha = 1 / (1 + 1 / (2 * Math.PI * 1.0 * dt));
        assertThat(f.filter(dt, 1.0)).isCloseTo(alpha, offset(1e-12));
        assertThat(f.filter(2 * dt, 1.0)).isCloseTo(alpha + (1 - alpha) * alpha, offset(1e-12));
    }

    @Test
    void itReducesTheJitterOfANoisySignalAndFollowsAFastStepWithLittleLagWhenBetaIsUp() {
        Random r = new Random(3);
        OneEuroFilter still = new OneEuroFilter(OneEuroFilter.Parameters.affect());
        double rawChange = 0;
        double filteredChange = 0;
        double prevRaw = 0;
        double prevFiltered = still.filter(0, 0);
        for (int t = 1; t < 300; t++) {
            double x = 0.2 * r.nextGaussian();
            double y = still.filter(t / 25.0, x);
            rawChange += Math.abs(x - prevRaw);
            filteredChange += Math.abs(y - prevFiltered);
            prevRaw = x;
            prevFiltered = y;
        }
        assertThat(filteredChange).as("jitter").isLessThan(0.5 * rawChange);
        OneEuroFilter slow = new OneEuroFilter(new OneEuroFilter.Parameters(1.0, 0.0, 1.0));
        OneEuroFilter fast = new OneEuroFilter(OneEuroFilter.Parameters.affect());
        slow.filter(0, 0);
        fast.filter(0, 0);
        double s = 0;
        double q = 0;
        for (int t = 1; t <= 5; t++) {
            s = slow.filter(t / 25.0, 1.0);
            q = fast.filter(t / 25.0, 1.0);
        }
        assertThat(q).as("after a step, the speed term opens the cutoff").isGreaterThan(s);
    }

    @Test
    void timeMustAdvanceAndValuesBeFinite() {
        OneEuroFilter f = new OneEuroFilter(OneEuroFilter.Parameters.affect());
        f.filter(1.0, 0.5);
        assertThatThrownBy(() -> f.filter(1.0, 0.5)).hasMessageContaining("advance");
        assertThatThrownBy(() -> f.filter(2.0, Double.NaN)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new OneEuroFilter.Parameters(0, 1, 1)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new OneEuroFilter.Parameters(1, -1, 1)).hasMessageContaining("beta");
    }

    @Test
    void theSmootherKeepsOneFilterPerFaceUntilItsTrackEnds() {
        AffectSmoother s = new AffectSmoother(new OneEuroFilter.Parameters(1.0, 0.0, 1.0));
        assertThat(s.smooth(1, 0.0, new float[] {0f, 0f})).containsExactly(0f, 0f);
        assertThat(s.smooth(2, 0.0, new float[] {1f, 1f})).as("another face starts afresh").containsExactly(1f, 1f);
        assertThat(s.smooth(1, 0.04, new float[] {1f, 1f})[0]).isBetween(0.1f, 0.3f);
        s.end(List.of(1));
        assertThat(s.smooth(1, 0.08, new float[] {1f, 1f})).as("a new track with the same id").containsExactly(1f, 1f);
        assertThatThrownBy(() -> s.smooth(2, 0.04, new float[] {1f})).hasMessageContaining("dimensions");
    }
}
