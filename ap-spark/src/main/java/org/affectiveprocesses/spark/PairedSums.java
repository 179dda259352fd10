package org.affectiveprocesses.spark;

import org.affectiveprocesses.metrics.Metric;

/**
 * The sufficient statistics of n truth/prediction pairs from which every {@link Metric} follows,
 * as the Spark aggregations of {@link MomentTables} produce them: the means, the centred sums of
 * squares and products, the sums of the errors e = truth - prediction, and the extremes (which
 * tell a constant series exactly).
 *
 * <p>{@link #value(Metric)} gives the metrics with the definitions of {@code ap-metrics}
 * (population moments): CCC = 2 s<sub>tp</sub> / (s<sub>tt</sub> + s<sub>pp</sub> + n bias²),
 * PCC = s<sub>tp</sub> / √(s<sub>tt</sub> s<sub>pp</sub>), and the intraclass correlations of
 * the n × 2 table (truth, prediction) through its mean squares, which for two raters are BMS =
 * (s<sub>tt</sub> + s<sub>pp</sub> + 2 s<sub>tp</sub>) / (2 (n - 1)), EMS = (s<sub>tt</sub> +
 * s<sub>pp</sub> - 2 s<sub>tp</sub>) / (2 (n - 1)), WMS = Σe² / (2n) and JMS = n bias² / 2 (so
 * ICC(3,1) = 2 s<sub>tp</sub> / (s<sub>tt</sub> + s<sub>pp</sub>)); MSE, RMSE and MAE from the
 * error sums. The degenerate cases are those of {@code ap-metrics}: a constant series has exactly
 * zero variance and covariance; CCC of two equal constants and correlations without variance are
 * NaN.
 *
 * @param n the number of pairs
 * @param meanTruth the mean of the truth
 * @param meanPrediction the mean of the prediction
 * @param truthSquares Σ (truth - meanTruth)²
 * @param predictionSquares Σ (prediction - meanPrediction)²
 * @param products Σ (truth - meanTruth) (prediction - meanPrediction)
 * @param sumError Σ e
 * @param sumSquaredError Σ e²
 * @param sumAbsoluteError Σ |e|
 * @param minTruth the smallest truth
 * @param maxTruth the largest truth
 * @param minPrediction the smallest prediction
 * @param maxPrediction the largest prediction
 */
record PairedSums(long n, double meanTruth, double meanPrediction, double truthSquares, double predictionSquares,
        double products, double sumError, double sumSquaredError, double sumAbsoluteError, double minTruth,
        double maxTruth, double minPrediction, double maxPrediction) {

    /**
     * A metric of the pairs.
     *
     * @throws IllegalArgumentException if there are fewer than two pairs
     */
    double value(Metric metric) {
        if (n < 2) {
            throw new IllegalArgumentException("metrics need at least 2 frames, got " + n);
        }
        return switch (metric) {
            case CCC -> ccc();
            case PCC -> pcc();
            case ICC_1_1 -> icc(bms() - wms(), bms() + wms());
            case ICC_2_1 -> icc(bms() - ems(), bms() + (1 - 2.0 / n) * ems() + 2 * jms() / n);
            case ICC_3_1 -> icc(bms() - ems(), bms() + ems());
            case MSE -> sumSquaredError / n;
            case RMSE -> Math.sqrt(sumSquaredError / n);
            case MAE -> sumAbsoluteError / n;
        };
    }

    private boolean truthConstant() {
        return minTruth == maxTruth;
    }

    private boolean predictionConstant() {
        return minPrediction == maxPrediction;
    }

    private double stt() {
        return truthConstant() ? 0.0 : Math.max(0.0, truthSquares);
    }

    private double spp() {
        return predictionConstant() ? 0.0 : Math.max(0.0, predictionSquares);
    }

    private double stp() {
        return truthConstant() || predictionConstant() ? 0.0 : products;
    }

    private double bias() {
        return truthConstant() && predictionConstant() ? minTruth - minPrediction : sumError / n;
    }

    private double ccc() {
        if (truthConstant() && predictionConstant()) {
            return minTruth == minPrediction ? Double.NaN : 0.0;
        }
        double bias = bias();
        double denominator = stt() / n + spp() / n + bias * bias;
        return denominator == 0.0 ? Double.NaN : clamp(2.0 * (stp() / n) / denominator);
    }

    private double pcc() {
        double vt = stt() / n;
        double vp = spp() / n;
        double product = vt * vp;
        double scale = product > 0.0 && Double.isFinite(product) ? Math.sqrt(product) : Math.sqrt(vt) * Math.sqrt(vp);
        return scale == 0.0 ? Double.NaN : clamp((stp() / n) / scale);
    }

    private double bms() {
        return (stt() + spp() + 2 * stp()) / (2.0 * (n - 1));
    }

    private double ems() {
        return Math.max(0.0, stt() + spp() - 2 * stp()) / (2.0 * (n - 1));
    }

    private double wms() {
        return sumSquaredError / (2.0 * n);
    }

    private double jms() {
        double bias = bias();
        return n * bias * bias / 2.0;
    }

    private static double icc(double numerator, double denominator) {
        return denominator > 0.0 ? Math.min(1.0, numerator / denominator) : Double.NaN;
    }

    private static double clamp(double r) {
        return Math.max(-1.0, Math.min(1.0, r)) + 0.0;
    }
}
