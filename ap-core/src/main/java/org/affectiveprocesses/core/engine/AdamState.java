package org.affectiveprocesses.core.engine;

import java.util.Objects;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.ApWeights;

/**
 * What a {@link TrainingKernel}'s Adam carries from step to step: the step count t (which sets
 * the bias correction of the next update) and the moment estimates m and v of every parameter
 * tensor, shaped as the tensor. A kernel opened with the weights and this state of another
 * continues bitwise as the other would ({@link ApBackend#openTraining(ApWeights, AdamState,
 * org.affectiveprocesses.api.TrainingConfig, org.affectiveprocesses.api.Engine)}).
 *
 * @param steps t, the number of updates applied
 * @param firstMoments m, per tensor
 * @param secondMoments v, per tensor (never negative)
 */
public record AdamState(long steps, ApWeights firstMoments, ApWeights secondMoments) {
    /**
     * Validates.
     *
     * @throws IllegalArgumentException if the step count is negative, the moments belong to
     *     different models, or a second moment is negative
     */
    public AdamState {
        Objects.requireNonNull(firstMoments, "firstMoments");
        Objects.requireNonNull(secondMoments, "secondMoments");
        if (steps < 0) {
            throw new IllegalArgumentException("Adam's step count must be >= 0, got " + steps);
        }
        if (!firstMoments.spec().equals(secondMoments.spec())) {
            throw new IllegalArgumentException("Adam's first and second moments belong to different models");
        }
        for (String name : secondMoments.names()) {
            float[] v = secondMoments.get(name);
            for (int i = 0; i < v.length; i++) {
                if (v[i] < 0) {
                    throw new IllegalArgumentException("Adam's second moment of tensor " + name + " is " + v[i]
                            + " at flat index " + i + "; it is never negative");
                }
            }
        }
    }

    /**
     * The state before the first step: t = 0, m = v = 0.
     *
     * @param spec the model
     * @return the initial state
     */
    public static AdamState initial(ApModelSpec spec) {
        ApWeights zeros = ApWeights.fromFlat(spec, new float[(int) spec.parameterCount()]);
        return new AdamState(0, zeros, zeros);
    }

    /**
     * Checks that this state belongs to the model of these weights.
     *
     * @param weights the weights a kernel starts from
     * @throws IllegalArgumentException if the models differ
     */
    public void checkFits(ApWeights weights) {
        if (!spec().equals(weights.spec())) {
            throw new IllegalArgumentException("Adam's state belongs to another model (" + spec()
                    + ") than the weights (" + weights.spec() + ")");
        }
    }

    /** The model these moments belong to. */
    public ApModelSpec spec() {
        return firstMoments.spec();
    }
}
