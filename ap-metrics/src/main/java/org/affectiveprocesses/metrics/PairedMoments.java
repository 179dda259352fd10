package org.affectiveprocesses.metrics;

/**
 * Population moments of a truth/prediction pair, computed in two passes: means first (with
 * compensated summation), then compensated sums of centred values with the Chan-Golub-LeVeque
 * correction term. Constant series are detected exactly so their variance is exactly zero.
 *
 * @param meanDifference mean of {@code truth - prediction}
 * @param truthVariance population variance of the truth
 * @param predictionVariance population variance of the prediction
 * @param covariance population covariance
 * @param truthConstant whether every truth value is identical
 * @param predictionConstant whether every prediction value is identical
 */
record PairedMoments(
        double meanDifference,
        double truthVariance,
        double predictionVariance,
        double covariance,
        boolean truthConstant,
        boolean predictionConstant) {

    /** Computes the moments of an already validated pair (see {@link Inputs#requirePaired}). */
    static PairedMoments of(double[] truth, double[] prediction) {
        int n = truth.length;
        boolean truthConstant = CompensatedSum.isConstant(truth);
        boolean predictionConstant = CompensatedSum.isConstant(prediction);
        double truthMean = CompensatedSum.mean(truth);
        double predictionMean = CompensatedSum.mean(prediction);

        CompensatedSum difference = new CompensatedSum();
        CompensatedSum truthDeviation = new CompensatedSum();
        CompensatedSum predictionDeviation = new CompensatedSum();
        CompensatedSum truthSquares = new CompensatedSum();
        CompensatedSum predictionSquares = new CompensatedSum();
        CompensatedSum products = new CompensatedSum();
        for (int start = 0; start < n; start += CompensatedSum.BLOCK) {
            int end = Math.min(n, start + CompensatedSum.BLOCK);
            double d = 0.0;
            double st = 0.0;
            double sp = 0.0;
            double stt = 0.0;
            double spp = 0.0;
            double stp = 0.0;
            for (int i = start; i < end; i++) {
                // Differences of nearby values are exact, so the mean difference is not
                // disturbed by the rounding of two large means.
                d += truth[i] - prediction[i];
                double dt = truth[i] - truthMean;
                double dp = prediction[i] - predictionMean;
                st += dt;
                sp += dp;
                stt += dt * dt;
                spp += dp * dp;
                stp += dt * dp;
            }
            difference.add(d);
            truthDeviation.add(st);
            predictionDeviation.add(sp);
            truthSquares.add(stt);
            predictionSquares.add(spp);
            products.add(stp);
        }
        double sumDt = truthDeviation.value();
        double sumDp = predictionDeviation.value();
        double truthVariance = Math.max(0.0, (truthSquares.value() - sumDt * sumDt / n) / n);
        double predictionVariance =
                Math.max(0.0, (predictionSquares.value() - sumDp * sumDp / n) / n);
        double covariance =
                truthConstant || predictionConstant
                        ? 0.0
                        : (products.value() - sumDt * sumDp / n) / n;
        double meanDifference =
                truthConstant && predictionConstant
                        ? truth[0] - prediction[0]
                        : difference.value() / n;
        Inputs.requireNoOverflow(meanDifference, truthVariance, predictionVariance, covariance);
        return new PairedMoments(
                meanDifference,
                truthVariance,
                predictionVariance,
                covariance,
                truthConstant,
                predictionConstant);
    }
}
