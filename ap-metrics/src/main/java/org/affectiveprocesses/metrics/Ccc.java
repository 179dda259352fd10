package org.affectiveprocesses.metrics;

/**
 * Lin's concordance correlation coefficient (CCC), the headline metric for valence and arousal
 * in the Affective Processes paper:
 *
 * <pre>
 *   CCC = 2 cov(y, ŷ) / (var(y) + var(ŷ) + (mean(y) - mean(ŷ))²)
 * </pre>
 *
 * <p>with population moments (divide by {@code n}). Unlike Pearson's correlation it penalises
 * any bias in location or scale, so {@code CCC <= |PCC|}, with equality when the two series
 * have equal means and variances.
 */
public final class Ccc {

    private Ccc() {}

    /**
     * Computes the CCC of a prediction against the ground truth. The result lies in
     * {@code [-1, 1]} and is symmetric in its arguments.
     *
     * <p>Degenerate cases: if exactly one series is constant the CCC is well defined and equals
     * {@code 0}; if both are constant and different it is {@code 0}; if both are the same
     * constant the formula is {@code 0/0} and the result is {@link Double#NaN}.
     *
     * @param truth ground-truth values, one per frame
     * @param prediction predicted values, aligned with {@code truth}
     * @return the concordance correlation coefficient, or {@code NaN} as documented above
     * @throws IllegalArgumentException if an argument is {@code null}, the lengths differ, fewer
     *     than two frames are given, a value is NaN or infinite (the message names the argument
     *     and the index), or the values are so large that their squares overflow
     */
    public static double of(double[] truth, double[] prediction) {
        Inputs.requirePaired(truth, prediction);
        PairedMoments m = PairedMoments.of(truth, prediction);
        if (m.truthConstant() && m.predictionConstant()) {
            return truth[0] == prediction[0] ? Double.NaN : 0.0;
        }
        double bias = m.meanDifference();
        double denominator = m.truthVariance() + m.predictionVariance() + bias * bias;
        if (denominator == 0.0) {
            return Double.NaN; // only reachable through underflow of tiny variances
        }
        double ccc = 2.0 * m.covariance() / denominator;
        return Math.max(-1.0, Math.min(1.0, ccc)) + 0.0; // "+ 0.0" turns -0.0 into 0.0
    }
}
