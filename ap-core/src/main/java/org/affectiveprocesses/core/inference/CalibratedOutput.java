package org.affectiveprocesses.core.inference;

import org.affectiveprocesses.api.UncertaintyCalibration;

/**
 * Applies an {@link UncertaintyCalibration} to merged outputs: σ' = s·σ, and each function sample
 * spread around the mean by the same factor, sample' = mean + s·(sample − mean).
 */
final class CalibratedOutput {
    private CalibratedOutput() {
    }

    /** The calibrated σ of dimension {@code d}. */
    static float std(UncertaintyCalibration calibration, int d, float sigma) {
        return (float) (calibration.scale(d) * sigma);
    }

    /** The calibrated function sample of dimension {@code d}, given the merged mean. */
    static float sample(UncertaintyCalibration calibration, int d, float mean, float sample) {
        double scale = calibration.scale(d);
        return scale == 1.0 ? sample : (float) (mean + scale * (sample - mean));
    }
}
