package org.affectiveprocesses.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.FloatBuffer;
import java.util.List;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.LabelSpace;
import org.junit.jupiter.api.Test;

class WindowBatchTest {

    /** Frame t of sequence s has features (100s + 10t, 100s + 10t + 1) and pseudo-labels (s/10, t/100). */
    private static AffectSequence sequence(int s, int frames) {
        AffectSequence.Builder b = AffectSequence.builder("s" + s, LabelSpace.valenceArousal(), 2);
        for (int t = 0; t < frames; t++) {
            b.addFrame(new float[] {100 * s + 10 * t, 100 * s + 10 * t + 1},
                    new float[] {s / 10f, t / 100f}, new float[] {0, 0});
        }
        return b.build();
    }

    @Test
    void sequenceBatchReadsTheChosenFramesInOrder() {
        WindowBatch batch = WindowBatch.ofSequences(List.of(sequence(1, 5), sequence(2, 6)),
                List.of(new int[] {0, 2, 4}, new int[] {5, 3, 1}));
        assertThat(batch.batch()).isEqualTo(2);
        assertThat(batch.length()).isEqualTo(3);
        assertThat(batch.featureSize()).isEqualTo(2);
        assertThat(batch.labelSize()).isEqualTo(2);
        assertThat(batch.features()).containsExactly(100, 101, 120, 121, 140, 141, 250, 251, 230, 231, 210, 211);
        assertThat(batch.encoderLabels()).containsExactly(0.1f, 0f, 0.1f, 0.02f, 0.1f, 0.04f,
                0.2f, 0.05f, 0.2f, 0.03f, 0.2f, 0.01f);
        FloatBuffer rows = FloatBuffer.allocate(12 + 12);
        batch.writeRows(rows);
        assertThat(rows.position()).isEqualTo(24);
        assertThat(java.util.Arrays.copyOfRange(rows.array(), 0, 8)).containsExactly(100, 101, 0.1f, 0f, 120, 121, 0.1f, 0.02f);
        assertThat(java.util.Arrays.copyOfRange(rows.array(), 20, 24)).containsExactly(210, 211, 0.2f, 0.01f);
    }

    @Test
    void arrayBatchWritesTheSameRowsAsItsArrays() {
        float[] x = {1, 2, 3, 4, 5, 6};
        float[] y = {-1, -2, -3};
        WindowBatch batch = WindowBatch.of(1, 3, x, y);
        assertThat(batch.featureSize()).isEqualTo(2);
        assertThat(batch.labelSize()).isEqualTo(1);
        FloatBuffer rows = FloatBuffer.allocate(9);
        batch.writeRows(rows);
        assertThat(rows.array()).containsExactly(1, 2, -1, 3, 4, -2, 5, 6, -3);
        assertThat(batch.features()).containsExactly(x).isNotSameAs(x);
    }

    @Test
    void mismatchedWindowsAreRejected() {
        assertThatThrownBy(() -> WindowBatch.ofSequences(List.of(sequence(1, 5), sequence(2, 6)),
                List.of(new int[] {0, 1}, new int[] {0, 1, 2})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window 1").hasMessageContaining("'s2'");
        assertThatThrownBy(() -> WindowBatch.ofSequences(List.of(sequence(1, 5)), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WindowBatch.of(2, 3, new float[7], new float[6]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not fit");
        assertThatThrownBy(() -> WindowBatch.of(0, 3, new float[0], new float[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }
}
