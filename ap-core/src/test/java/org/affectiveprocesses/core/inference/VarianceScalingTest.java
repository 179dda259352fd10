package org.affectiveprocesses.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.api.UncertaintyCalibration;
import org.junit.jupiter.api.Test;

class VarianceScalingTest {
    private static final LabelSpace VA = LabelSpace.valenceArousal();

    @Test
    void theScaleOfAHandComputedCaseIsTheRootMeanSquaredStandardisedError() {
        // valence: errors 0.2, -0.4 with σ 0.1, 0.2 → z = 2, -2 → s = 2; arousal: errors 0.1, 0 with σ 0.1 → s = √0.5
        AffectSequence s = AffectSequence.builder("s", VA, 1)
                .addFrame(new float[1], new float[2], new float[] {0.5f, 0.1f})
                .addFrame(new float[1], new float[2], new float[] {-0.4f, 0.3f}).build();
        Prediction p = new Prediction("s", VA, new float[] {0.3f, 0f, 0f, 0.3f}, new float[] {0.1f, 0.1f, 0.2f, 0.1f},
                new boolean[] {true, true}, List.of(), 0, new float[0]);
        UncertaintyCalibration c = VarianceScaling.fit("hand", List.of(s), List.of(p));
        assertThat(c.scale(0)).isCloseTo(2.0, within(1e-6));
        assertThat(c.scale(1)).isCloseTo(Math.sqrt(0.5), within(1e-6));
        assertThat(c.frames()).isEqualTo(4);
        assertThat(c.data()).isEqualTo("hand");
        assertThat(c.nllAfter()).isLessThan(c.nllBefore());
    }

    @Test
    void aKnownOverconfidenceIsRecovered() {
        // truth from N(μ, (3σ)²) for valence and N(μ, (σ/2)²) for arousal
        SplittableRandom rng = new SplittableRandom(11);
        List<AffectSequence> sequences = new ArrayList<>();
        List<Prediction> predictions = new ArrayList<>();
        double[] factor = {3.0, 0.5};
        for (int k = 0; k < 20; k++) {
            int n = 500;
            AffectSequence.Builder b = AffectSequence.builder("s" + k, VA, 1);
            float[] mean = new float[2 * n];
            float[] std = new float[2 * n];
            boolean[] predicted = new boolean[n];
            for (int t = 0; t < n; t++) {
                float[] y = new float[2];
                for (int d = 0; d < 2; d++) {
                    // labels stay in [-1, 1]: |μ| ≤ 0.3 and 3σ ≤ 0.12 (a 5-sigma error reaches 0.9)
                    mean[t * 2 + d] = (float) (0.6 * rng.nextDouble() - 0.3);
                    std[t * 2 + d] = (float) (0.01 + 0.03 * rng.nextDouble());
                    y[d] = (float) (mean[t * 2 + d] + factor[d] * std[t * 2 + d] * rng.nextGaussian());
                }
                predicted[t] = true;
                b.addFrame(new float[1], new float[2], y);
            }
            sequences.add(b.build());
            predictions.add(new Prediction("s" + k, VA, mean, std, predicted, List.of(), 0, new float[0]));
        }
        UncertaintyCalibration c = VarianceScaling.fit("synthetic", sequences, predictions);
        assertThat(c.scale(0)).isCloseTo(3.0, within(0.05));
        assertThat(c.scale(1)).isCloseTo(0.5, within(0.01));
        assertThat(c.method()).isEqualTo(UncertaintyCalibration.Method.VARIANCE_SCALING);
    }

    @Test
    void tooFewLabelledFramesAreNamed() {
        AffectSequence s = AffectSequence.builder("s", VA, 1)
                .addFrame(new float[1], new float[2], new float[] {0.5f, Float.NaN}).build();
        Prediction p = new Prediction("s", VA, new float[2], new float[] {0.1f, 0.1f}, new boolean[] {true}, List.of(),
                0, new float[0]);
        assertThatThrownBy(() -> VarianceScaling.fit("tiny", List.of(s), List.of(p)))
                .hasMessageContaining("'tiny' has 1 labelled frames of dimension valence");
    }
}
