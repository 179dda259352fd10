package org.affectiveprocesses.core.inference;

import java.util.ArrayList;
import java.util.List;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.api.UncertaintyCalibration;
import org.affectiveprocesses.metrics.Calibration;

/**
 * Fits {@link UncertaintyCalibration.Method#VARIANCE_SCALING}: for each output dimension d, the
 * factor s<sub>d</sub> = √mean[(y − μ)²/σ²] over the labelled frames of the given predictions
 * (made without calibration), which minimises their Gaussian NLL ({@link
 * Calibration#varianceScale}). It also records the NLL per labelled value, pooled over
 * dimensions, before and after scaling.
 */
final class VarianceScaling {
    private VarianceScaling() {
    }

    /**
     * @param data what the predictions are of (recorded in the calibration)
     * @param sequences the labelled sequences
     * @param uncalibrated their predictions, aligned, made with every scale 1
     * @throws IllegalArgumentException if a dimension has fewer than two labelled, predicted frames
     */
    static UncertaintyCalibration fit(String data, List<AffectSequence> sequences, List<Prediction> uncalibrated) {
        int dy = uncalibrated.isEmpty() ? 0 : uncalibrated.get(0).labelSpace().size();
        if (dy == 0) {
            throw new IllegalArgumentException("'" + data + "' has no sequences to calibrate on");
        }
        List<List<double[]>> frames = new ArrayList<>(); // per dimension: {y, μ, σ} triples
        for (int d = 0; d < dy; d++) {
            frames.add(new ArrayList<>());
        }
        for (int i = 0; i < sequences.size(); i++) {
            AffectSequence s = sequences.get(i);
            Prediction p = uncalibrated.get(i);
            for (int t = 0; t < s.length(); t++) {
                if (!p.isPredicted(t)) {
                    continue;
                }
                for (int d = 0; d < dy; d++) {
                    float y = s.label(t, d);
                    if (!Float.isNaN(y)) {
                        frames.get(d).add(new double[] {y, p.mean(t, d), p.std(t, d)});
                    }
                }
            }
        }
        double[] scales = new double[dy];
        double before = 0;
        double after = 0;
        long total = 0;
        for (int d = 0; d < dy; d++) {
            List<double[]> f = frames.get(d);
            if (f.size() < 2) {
                throw new IllegalArgumentException("'" + data + "' has " + f.size() + " labelled frames of dimension "
                        + uncalibrated.get(0).labelSpace().dimensions().get(d) + "; calibrating σ needs at least 2");
            }
            double[] y = new double[f.size()];
            double[] mu = new double[f.size()];
            double[] sigma = new double[f.size()];
            for (int k = 0; k < f.size(); k++) {
                y[k] = f.get(k)[0];
                mu[k] = f.get(k)[1];
                sigma[k] = f.get(k)[2];
            }
            scales[d] = Calibration.varianceScale(y, mu, sigma);
            if (!(scales[d] > 0)) {
                throw new IllegalArgumentException("'" + data + "': every prediction of dimension " + d
                        + " is exact, so σ cannot be scaled");
            }
            before += Calibration.nll(y, mu, sigma) * f.size();
            double[] scaled = new double[sigma.length];
            for (int k = 0; k < sigma.length; k++) {
                scaled[k] = scales[d] * sigma[k];
            }
            after += Calibration.nll(y, mu, scaled) * f.size();
            total += f.size();
        }
        return new UncertaintyCalibration(UncertaintyCalibration.Method.VARIANCE_SCALING, scales, data, total,
                before / total, after / total);
    }
}
