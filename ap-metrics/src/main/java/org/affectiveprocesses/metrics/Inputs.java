package org.affectiveprocesses.metrics;

/** Argument checks shared by the metrics; every failure is an {@link IllegalArgumentException}. */
final class Inputs {

    /** The fewest frames (or targets) any metric accepts. */
    static final int MIN_FRAMES = 2;

    private Inputs() {}

    /**
     * Checks a truth/prediction pair: both non-null, of equal length, at least {@link
     * #MIN_FRAMES} long, and finite everywhere.
     */
    static void requirePaired(double[] truth, double[] prediction) {
        requireNonNull("truth", truth);
        requireNonNull("prediction", prediction);
        if (truth.length != prediction.length) {
            throw new IllegalArgumentException(
                    "truth and prediction differ in length: truth has "
                            + truth.length
                            + " values, prediction has "
                            + prediction.length);
        }
        requireMinFrames(truth.length);
        requireFinite("truth", truth);
        requireFinite("prediction", prediction);
    }

    /** Fails if {@code value} is {@code null}, naming the argument. */
    static void requireNonNull(String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    /** Fails if fewer than {@link #MIN_FRAMES} frames are given. */
    static void requireMinFrames(int frames) {
        if (frames < MIN_FRAMES) {
            throw new IllegalArgumentException(
                    "at least " + MIN_FRAMES + " frames are needed, got " + frames);
        }
    }

    /** Fails on the first NaN or infinite value, naming the argument and the index. */
    static void requireFinite(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(
                        name + "[" + i + "] is " + values[i] + "; every value must be finite");
            }
        }
    }

    /** Fails if a computed moment overflowed; inputs of huge magnitude cannot be scored. */
    static void requireNoOverflow(double... moments) {
        for (double moment : moments) {
            if (!Double.isFinite(moment)) {
                throw new IllegalArgumentException(
                        "values are too large in magnitude: their sums or squares overflow a"
                                + " double");
            }
        }
    }
}
