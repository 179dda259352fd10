package org.affectiveprocesses.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * How an Affective Process's per-frame standard deviation is calibrated after training (beyond
 * the paper): each output dimension d has a factor s<sub>d</sub>, and the model reports
 * σ'<sub>t,d</sub> = s<sub>d</sub>·σ<sub>t,d</sub> and spreads its function samples around the
 * mean by the same factor. {@link Method#VARIANCE_SCALING} fits s<sub>d</sub> on a validation
 * split by minimising the Gaussian negative log-likelihood, in closed form s<sub>d</sub>² =
 * mean[(y − μ)²/σ²] over its labelled frames (Levi et al. 2019, "Evaluating and calibrating
 * uncertainty prediction in regression tasks"; Kuleshov et al., ICML 2018). It is fitted on
 * validation data, never on the data a model is scored on.
 *
 * @param method how the factors were obtained
 * @param scales s<sub>d</sub> per output dimension (positive, finite; all 1 for {@link Method#NONE})
 * @param data what the factors were fitted on ({@link SequenceDataset#identity()}; empty for none)
 * @param frames the labelled values (frames × dimensions) they were fitted on (0 for none)
 * @param nllBefore the validation NLL per labelled value before scaling (NaN for none)
 * @param nllAfter the validation NLL per labelled value after scaling (NaN for none)
 */
public record UncertaintyCalibration(Method method, double[] scales, String data, long frames, double nllBefore,
        double nllAfter) {

    /** The calibration methods. */
    public enum Method {
        /** σ as the decoder gives it (the paper). */
        NONE,
        /** One factor per output dimension fitted on the validation split by minimising the NLL. */
        VARIANCE_SCALING
    }

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if a scale is not positive and finite, or NONE has scales other than 1
     */
    public UncertaintyCalibration {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(data, "data");
        scales = scales.clone();
        if (scales.length == 0) {
            throw new IllegalArgumentException("a calibration needs one scale per output dimension");
        }
        for (int d = 0; d < scales.length; d++) {
            if (!(scales[d] > 0) || !Double.isFinite(scales[d])) {
                throw new IllegalArgumentException("calibration scale " + d + " must be positive and finite, got "
                        + scales[d]);
            }
            if (method == Method.NONE && scales[d] != 1.0) {
                throw new IllegalArgumentException("an uncalibrated model has scales 1, got " + Arrays.toString(scales));
            }
        }
        if (frames < 0) {
            throw new IllegalArgumentException("frames must be >= 0, got " + frames);
        }
    }

    /**
     * No calibration: every scale 1.
     *
     * @param dimensions the number of output dimensions
     * @return the identity calibration
     */
    public static UncertaintyCalibration none(int dimensions) {
        double[] ones = new double[dimensions];
        Arrays.fill(ones, 1.0);
        return new UncertaintyCalibration(Method.NONE, ones, "", 0, Double.NaN, Double.NaN);
    }

    /**
     * The factors (a copy).
     *
     * @return s<sub>d</sub> per output dimension
     */
    @Override
    public double[] scales() {
        return scales.clone();
    }

    /**
     * One dimension's factor.
     *
     * @param dimension the output dimension
     * @return s<sub>d</sub>
     */
    public double scale(int dimension) {
        return scales[dimension];
    }

    /**
     * Whether every factor is 1.
     *
     * @return true for an identity calibration
     */
    public boolean isIdentity() {
        for (double s : scales) {
            if (s != 1.0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UncertaintyCalibration c && method == c.method && Arrays.equals(scales, c.scales)
                && data.equals(c.data) && frames == c.frames && Double.compare(nllBefore, c.nllBefore) == 0
                && Double.compare(nllAfter, c.nllAfter) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, Arrays.hashCode(scales), data, frames, nllBefore, nllAfter);
    }

    @Override
    public String toString() {
        return method == Method.NONE ? "UncertaintyCalibration[none]"
                : "UncertaintyCalibration[" + method + ", scales " + Arrays.toString(scales) + ", fitted on " + data
                        + " (" + frames + " frames), NLL " + nllBefore + " -> " + nllAfter + "]";
    }
}
