package org.affectiveprocesses.backbone.fan;

/**
 * The learning-rate schedules of the backbone's training (Appendix A.2), as a function of the
 * epoch (a fraction: 0 at the start, 1.5 half-way through the second epoch).
 *
 * @param kind the schedule's kind
 * @param base the base learning rate
 * @param periodEpochs STEP: epochs between two divisions by {@code factor}'s inverse; CYCLIC:
 *     the length of one full cycle in epochs; ignored by CONSTANT
 * @param factor STEP: the multiplier applied every period (0.1 in the paper); CYCLIC: the lowest
 *     rate relative to {@code base}; ignored by CONSTANT
 */
public record LearningRate(Kind kind, double base, double periodEpochs, double factor) {
    /** The shape of a schedule. */
    public enum Kind {
        /** A constant rate. */
        CONSTANT,
        /** Multiplied by {@code factor} after every {@code periodEpochs} epochs (valence/arousal: ÷10 every 5). */
        STEP,
        /**
         * Triangular cyclic rate (Smith 2017): from {@code factor · base} up to {@code base} in
         * the first half of each cycle and back down in the second (Action Units: cycle of 2
         * epochs, our reading of the paper's "cycle length of 2").
         */
        CYCLIC
    }

    /** Validates. */
    public LearningRate {
        if (kind == null || !(base > 0) || !Double.isFinite(base)) {
            throw new IllegalArgumentException("a learning rate needs a kind and a positive base, got " + kind + " "
                    + base);
        }
        if (kind != Kind.CONSTANT && (!(periodEpochs > 0) || !(factor > 0 && factor <= 1))) {
            throw new IllegalArgumentException(kind + " schedule needs a positive period and a factor in (0, 1], got "
                    + periodEpochs + " and " + factor);
        }
    }

    /** A constant rate. */
    public static LearningRate constant(double rate) {
        return new LearningRate(Kind.CONSTANT, rate, 1, 1);
    }

    /** The paper's valence/arousal schedule: {@code base}, divided by 10 every 5 epochs. */
    public static LearningRate stepDecay(double base) {
        return new LearningRate(Kind.STEP, base, 5, 0.1);
    }

    /** The Action Unit schedule: triangular between {@code base / 10} and {@code base}, cycle 2 epochs. */
    public static LearningRate cyclic(double base) {
        return new LearningRate(Kind.CYCLIC, base, 2, 0.1);
    }

    /**
     * The rate at a point of training.
     *
     * @param epoch elapsed epochs (fractional), at least 0
     */
    public double at(double epoch) {
        switch (kind) {
            case STEP:
                return base * Math.pow(factor, Math.floor(epoch / periodEpochs + 1e-9));
            case CYCLIC:
                double phase = epoch / periodEpochs - Math.floor(epoch / periodEpochs);
                double up = phase < 0.5 ? phase * 2 : (1 - phase) * 2;
                return base * (factor + (1 - factor) * up);
            default:
                return base;
        }
    }
}
