package org.affectiveprocesses.core.training;

/**
 * Cosine annealing (Loshchilov & Hutter) from the initial learning rate to 0 over all steps,
 * updated every step: lr(s) = lr₀ · ½ (1 + cos(π s / S)) for step s = 0 … S − 1; or a constant.
 */
public record LearningRateSchedule(double initial, long totalSteps, boolean cosine) {

    /** @throws IllegalArgumentException if a value is out of range */
    public LearningRateSchedule {
        if (!(initial > 0) || totalSteps < 1) {
            throw new IllegalArgumentException("bad schedule " + initial + " over " + totalSteps + " steps");
        }
    }

    /** The learning rate of step {@code s} (0-based). */
    public double at(long s) {
        if (!cosine) {
            return initial;
        }
        return initial * 0.5 * (1 + Math.cos(Math.PI * s / totalSteps));
    }
}
