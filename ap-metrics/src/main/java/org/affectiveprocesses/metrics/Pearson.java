package org.affectiveprocesses.metrics;

/**
 * Pearson's correlation coefficient (PCC): {@code cov(y, ŷ) / (sd(y) sd(ŷ))}. It is invariant
 * to shifting and to positively scaling either series, so it measures only how well the shape
 * of the prediction follows the truth.
 */
public final class Pearson {

    private Pearson() {}

    /**
     * Computes Pearson's correlation of a prediction with the ground truth. The result lies in
     * {@code [-1, 1]} and is symmetric in its arguments.
     *
     * <p>If either series is constant (zero variance) the correlation is undefined and the
     * result is {@link Double#NaN}.
     *
     * @param truth ground-truth values, one per frame
     * @param prediction predicted values, aligned with {@code truth}
     * @return the correlation coefficient, or {@code NaN} if a series has zero variance
     * @throws IllegalArgumentException if an argument is {@code null}, the lengths differ, fewer
     *     than two frames are given, a value is NaN or infinite (the message names the argument
     *     and the index), or the values are so large that their squares overflow
     */
    public static double of(double[] truth, double[] prediction) {
        Inputs.requirePaired(truth, prediction);
        PairedMoments m = PairedMoments.of(truth, prediction);
        double product = m.truthVariance() * m.predictionVariance();
        double scale =
                product > 0.0 && Double.isFinite(product)
                        ? Math.sqrt(product) // exact for equal variances: sqrt(v * v) == v
                        : Math.sqrt(m.truthVariance()) * Math.sqrt(m.predictionVariance());
        if (scale == 0.0) {
            return Double.NaN;
        }
        double pcc = m.covariance() / scale;
        return Math.max(-1.0, Math.min(1.0, pcc)) + 0.0;
    }
}
