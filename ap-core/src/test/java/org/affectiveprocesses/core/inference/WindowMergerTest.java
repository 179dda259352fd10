package org.affectiveprocesses.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WindowMergerTest {

    @Test
    void singleCoverageKeepsTheWindowValuesExactly() {
        WindowMerger m = new WindowMerger(3, 1, 0);
        m.add(new int[] {0, 1, 2}, new float[] {0.1f, 0.2f, 0.3f}, new float[] {0.5f, 0.6f, 0.7f}, new float[0], 0, 1, 3);
        assertThat(m.mean()).containsExactly(0.1f, 0.2f, 0.3f);
        assertThat(m.std()).containsExactly(0.5f, 0.6f, 0.7f);
    }

    @Test
    void overlapIsATriangularlyWeightedMixture() {
        WindowMerger m = new WindowMerger(3, 1, 1);
        // window A covers frames 0..1, window B frames 1..2 (two-frame windows: weights 1, 1)
        m.add(new int[] {0, 1}, new float[] {0f, 1f}, new float[] {1f, 1f}, new float[] {9f, 2f}, 0, 1, 2);
        m.add(new int[] {1, 2}, new float[] {3f, 0f}, new float[] {2f, 1f}, new float[] {4f, 9f}, 0, 1, 2);
        // frame 1: equal weights, mean (1 + 3)/2 = 2; second moment ((1+1) + (4+9))/2 = 7.5; var 3.5
        assertThat(m.mean()[1]).isEqualTo(2f);
        assertThat((double) m.std()[1]).isCloseTo(Math.sqrt(3.5), within(1e-6));
        assertThat(m.samples()[1]).isEqualTo(3f);
        assertThat(WindowMerger.positionWeight(0, 70)).isEqualTo(1);
        assertThat(WindowMerger.positionWeight(34, 70)).isEqualTo(35);
        assertThat(WindowMerger.positionWeight(69, 70)).isEqualTo(1);
    }

    @Test
    void aClearedFrameIsUncoveredAndFillsAgainFromNothing() {
        WindowMerger m = new WindowMerger(2, 1, 1);
        m.add(1, 3, new float[] {0.5f}, new float[] {0.2f}, 0, new float[] {0.7f}, 1);
        m.add(1, 1, new float[] {0.1f}, new float[] {0.4f}, 0, new float[] {0.3f}, 1);
        assertThat((double) m.mean(1, 0)).isCloseTo(0.4, within(1e-7));
        assertThat((double) m.sample(0, 1, 0)).isCloseTo(0.6, within(1e-7));
        m.clear(1);
        assertThat(m.covered(1)).isFalse();
        assertThat(m.std(1, 0)).isNaN();
        m.add(1, 2, new float[] {-0.25f}, new float[] {0.75f}, 0, new float[] {1.5f}, 1);
        assertThat(m.mean(1, 0)).isEqualTo(-0.25f);
        assertThat(m.std(1, 0)).isEqualTo(0.75f);
        assertThat(m.sample(0, 1, 0)).isEqualTo(1.5f);
    }

    @Test
    void uncoveredFramesAreNaN() {
        WindowMerger m = new WindowMerger(2, 1, 0);
        m.add(new int[] {0}, new float[] {1f}, new float[] {1f}, new float[0], 0, 1, 1);
        assertThat(m.covered(1)).isFalse();
        assertThat(m.mean()[1]).isNaN();
    }
}
