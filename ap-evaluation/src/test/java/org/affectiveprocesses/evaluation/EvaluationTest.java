package org.affectiveprocesses.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.Prediction;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    private static AffectSequence sequence() {
        AffectSequence.Builder b = AffectSequence.builder("s", LabelSpace.valenceArousal(), 1);
        b.addFrame(0.0, new float[] {1f}, new float[] {0.25f, -0.5f}, new float[] {0.5f, Float.NaN});
        b.addInvalidFrame(0.1);
        b.addFrame(0.2, new float[] {2f}, new float[] {0.75f, 0.125f}, new float[] {-0.25f, 1f});
        return b.build();
    }

    @Test
    void truthIsNaNWhereMissingOrWithoutAFace() {
        double[][] truth = Evaluation.truth(sequence());
        assertThat(truth).hasDimensions(3, 2);
        assertThat(truth[0]).containsExactly(0.5, Double.NaN);
        assertThat(truth[1]).containsExactly(Double.NaN, Double.NaN);
        assertThat(truth[2]).containsExactly(-0.25, 1.0);
    }

    @Test
    void pseudoLabelsAreNaNWithoutAFace() {
        double[][] pseudo = Evaluation.pseudoLabels(sequence());
        assertThat(pseudo).hasDimensions(3, 2);
        assertThat(pseudo[0]).containsExactly(0.25, -0.5);
        assertThat(pseudo[1]).containsExactly(Double.NaN, Double.NaN);
        assertThat(pseudo[2]).containsExactly(0.75, 0.125);
    }

    @Test
    void meansAreThePredictiveMeansPerFrame() {
        float nan = Float.NaN;
        Prediction p = new Prediction("s", LabelSpace.valenceArousal(),
                new float[] {0.5f, -0.125f, nan, nan, 0.25f, 1f},
                new float[] {0.1f, 0.1f, nan, nan, 0.2f, 0.2f},
                new boolean[] {true, false, true}, List.of(), 0, new float[0]);
        double[][] means = Evaluation.means(p);
        assertThat(means).hasDimensions(3, 2);
        assertThat(means[0]).containsExactly(0.5, -0.125);
        assertThat(means[1]).containsExactly(Double.NaN, Double.NaN);
        assertThat(means[2]).containsExactly(0.25, 1.0);
    }
}
