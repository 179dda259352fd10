package org.affectiveprocesses.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.ApVariant;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.SequenceDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputStandardizationTest {
    private static final LabelSpace VA = LabelSpace.valenceArousal();

    @Test
    void statisticsAreThoseOfTheValidTrainingFrames() {
        // feature 0: 1, 3 | 5 (frame of sequence b), the invalid frame's 100 is left out: mean 3, std sqrt(8/3)
        // feature 1: constant 7: centred only (std 1)
        AffectSequence a = AffectSequence.builder("a", VA, 2).addFrame(new float[] {1, 7}, new float[2], new float[2])
                .addInvalidFrame(1.0 / 30).addFrame(new float[] {3, 7}, new float[2], new float[2]).build();
        AffectSequence b = AffectSequence.builder("b", VA, 2).addFrame(new float[] {5, 7}, new float[2], new float[2])
                .build();
        InputStandardization s = InputStandardization.fit(SequenceDataset.of("d", List.of(a, b)));
        assertThat(s.frames()).isEqualTo(3);
        assertThat(s.mean()).containsExactly(3f, 7f);
        assertThat((double) s.std()[0]).isCloseTo(Math.sqrt(8.0 / 3), within(1e-6));
        assertThat(s.std()[1]).isEqualTo(1f);
        float[] x = {5, 9};
        s.standardize(x, 0);
        assertThat((double) x[0]).isCloseTo(2 / Math.sqrt(8.0 / 3), within(1e-6));
        assertThat(x[1]).isEqualTo(2f);
        assertThat(s.isIdentity()).isFalse();
    }

    @Test
    void largeMeansDoNotSwallowSmallSpreads() {
        AffectSequence.Builder b = AffectSequence.builder("big", VA, 1);
        for (int t = 0; t < 1000; t++) {
            b.addFrame(new float[] {1e4f + (t % 2 == 0 ? 0.5f : -0.5f)}, new float[2], new float[2]);
        }
        InputStandardization s = InputStandardization.fit(SequenceDataset.of("d", List.of(b.build())));
        assertThat((double) s.mean()[0]).isCloseTo(1e4, within(1e-3));
        assertThat((double) s.std()[0]).isCloseTo(0.5, within(1e-6));
    }

    @ParameterizedTest(name = "{0}, pseudo-labels {1}")
    @CsvSource({"LATENT, true", "LATENT, false", "LATENT_DETERMINISTIC, true", "DETERMINISTIC, true",
        "LATENT_DETERMINISTIC_ATTENTION, true"})
    void foldedWeightsOnRawFeaturesComputeWhatTheWeightsComputeOnStandardisedFeatures(ApVariant variant,
            boolean pseudo) {
        int dx = 7;
        ApModelSpec spec = new ApModelSpec(new ApArchitecture(variant, pseudo, 12, 8, 2, 0.1, 0.1), dx, VA);
        ApWeights w = WeightInitializer.initialize(spec, 3);
        float[] mean = new float[dx];
        float[] std = new float[dx];
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = 0; i < dx; i++) {
            mean[i] = (float) (50 * rng.nextGaussian());
            std[i] = (float) (0.2 + 20 * rng.nextDouble());
        }
        InputStandardization s = InputStandardization.of(mean, std, 10);
        int l = 11;
        double[][] raw = new double[l][dx];
        double[][] standardised = new double[l][dx];
        double[][] y = new double[l][2];
        for (int t = 0; t < l; t++) {
            float[] row = new float[dx];
            for (int i = 0; i < dx; i++) {
                row[i] = (float) (mean[i] + std[i] * rng.nextGaussian());
                raw[t][i] = row[i];
            }
            s.standardize(row, 0);
            for (int i = 0; i < dx; i++) {
                standardised[t][i] = row[i];
            }
            y[t][0] = rng.nextDouble() * 2 - 1;
            y[t][1] = rng.nextDouble() * 2 - 1;
        }
        int[] context = {0, 3, 4, 9};
        double[][] eps = {{0.3, -1, 0.2, 0.5, 1.5, -0.7, 0, 0.1}};
        boolean stochastic = variant.isStochastic();
        ApReference.WindowResult expected = new ApReference(w).predict(standardised, y, context,
                stochastic ? eps : new double[0][]);
        ApReference.WindowResult folded = new ApReference(s.foldInto(w)).predict(raw, y, context,
                stochastic ? eps : new double[0][]);
        for (int t = 0; t < l; t++) {
            for (int d = 0; d < 2; d++) {
                assertThat(folded.mean()[t][d]).isCloseTo(expected.mean()[t][d], within(2e-5));
                assertThat(folded.std()[t][d]).isCloseTo(expected.std()[t][d], within(2e-5));
                if (stochastic) {
                    assertThat(folded.samples()[0][t][d]).isCloseTo(expected.samples()[0][t][d], within(2e-5));
                }
            }
            if (stochastic) {
                assertThat(folded.frameSigmaNorms()[t]).isCloseTo(expected.frameSigmaNorms()[t], within(2e-5));
            }
        }
    }

    @Test
    void theIdentityChangesNothingAndBadStatisticsAreNamed() {
        ApModelSpec spec = new ApModelSpec(ApArchitecture.paper().withSizes(4, 4), 3, VA);
        ApWeights w = WeightInitializer.initialize(spec, 1);
        assertThat(InputStandardization.identity(3).foldInto(w)).isSameAs(w);
        assertThat(InputStandardization.identity(3).isIdentity()).isTrue();
        assertThatThrownBy(() -> InputStandardization.identity(4).foldInto(w)).hasMessageContaining("4 features");
        assertThatThrownBy(() -> InputStandardization.of(new float[] {0, Float.NaN}, new float[] {1, 1}, 1))
                .hasMessageContaining("mean of feature 1");
        assertThatThrownBy(() -> InputStandardization.of(new float[2], new float[] {1, -1}, 1))
                .hasMessageContaining("standard deviation of feature 1");
        AffectSequence one = AffectSequence.builder("one", VA, 3).addFrame(new float[3], new float[2], new float[2])
                .build();
        assertThatThrownBy(() -> InputStandardization.fit(SequenceDataset.of("tiny", List.of(one))))
                .hasMessageContaining("'tiny' has 1 valid frames");
    }
}
