package org.affectiveprocesses.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.ContextWindow;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.metrics.Metric;
import org.junit.jupiter.api.Test;

class ContextStudyTest {
    private static final LabelSpace VA = LabelSpace.valenceArousal();

    /**
     * Five frames whose pseudo-labels miss the truth by (per-dimension mean) 0.1, 0.3, —, 0.2,
     * 0.4; frame 2 has no label.
     */
    private static AffectSequence sequence() {
        float[] x = {0f};
        return AffectSequence.builder("s", VA, 1)
                .addFrame(x, new float[] {0.1f, 0.0f}, new float[] {0.0f, 0.1f})
                .addFrame(x, new float[] {0.5f, 0.5f}, new float[] {0.2f, 0.2f})
                .addFrame(x, new float[] {0.9f, 0.9f}, null)
                .addFrame(x, new float[] {-0.2f, 0.2f}, new float[] {0.0f, 0.0f})
                .addFrame(x, new float[] {0.4f, -0.4f}, new float[] {0.0f, 0.0f})
                .build();
    }

    private static Prediction prediction(List<ContextWindow> windows) {
        float[] mean = new float[10];
        float[] std = new float[10];
        java.util.Arrays.fill(std, 1f);
        boolean[] predicted = {true, true, true, true, true};
        return new Prediction("s", VA, mean, std, predicted, windows, 0, new float[0]);
    }

    @Test
    void contextErrorIsTheContextFramesErrorOverTheWindowsError() {
        ContextStudy.ContextErrors e = new ContextStudy.ContextErrors();
        e.add(sequence(), prediction(List.of(new ContextWindow(0, 4, new int[] {0, 2, 3}))));
        // context: frames 0 and 3 (frame 2 is unlabelled) = (0.1 + 0.2) / 2; window: (0.1 + 0.3 + 0.2) / 3
        assertThat(e.ratio()).isCloseTo(0.15 / 0.2, within(1e-6));
    }

    @Test
    void overlappingWindowsCountTheirFramesOncePerWindow() {
        ContextStudy.ContextErrors e = new ContextStudy.ContextErrors();
        e.add(sequence(), prediction(List.of(new ContextWindow(0, 2, new int[] {1}),
                new ContextWindow(1, 4, new int[] {4}))));
        // context: 0.3 and 0.4; windows: (0.1 + 0.3) and (0.3 + 0.2 + 0.4)
        assertThat(e.ratio()).isCloseTo(0.35 / (1.3 / 5), within(1e-6));
    }

    @Test
    void aContextWithoutLabelsHasNoRatio() {
        ContextStudy.ContextErrors e = new ContextStudy.ContextErrors();
        e.add(sequence(), prediction(List.of(new ContextWindow(2, 1, new int[] {2}))));
        assertThat(e.ratio()).isNaN();
    }

    @Test
    void resultsKnowTheirErrorsAndPrintThem() {
        ContextStudy.Result r = new ContextStudy.Result(List.of("lowest-sigma", "random"), new int[] {10, 40},
                List.of("valence", "arousal"), Metric.CCC,
                new double[][][] {{{0.5, 0.6}, {0.7, 0.8}}, {{0.4, 0.4}, {0.5, 0.5}}},
                new double[][] {{0.8, 0.9}, {1.0, 1.01}});
        assertThat(r.contextError("lowest-sigma", 40)).isEqualTo(0.9);
        assertThat(r.contextError("random", 10)).isEqualTo(1.0);
        assertThat(r.mean("lowest-sigma", 10)).isCloseTo(0.55, within(1e-12));
        assertThat(r.toMarkdown()).contains("| lowest-sigma | backbone error on context (relative) | 0.80 | 0.90 |");
        assertThatThrownBy(() -> r.contextError("highest-sigma", 10)).hasMessageContaining("highest-sigma");
    }

    @Test
    void mismatchedArraysAreRejected() {
        assertThatThrownBy(() -> new ContextStudy.Result(List.of("a", "b"), new int[] {10}, List.of("v"), Metric.CCC,
                new double[][][] {{{0.5}}, {{0.5}}}, new double[][] {{1.0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 selectors");
        assertThatThrownBy(() -> new ContextStudy.Result(List.of("a"), new int[] {10, 20}, List.of("v"), Metric.CCC,
                new double[][][] {{{0.5}, {0.6}}}, new double[][] {{1.0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a'");
    }
}
