package org.affectiveprocesses.examples;

import java.util.Arrays;
import java.util.Locale;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.api.UncertaintyCalibration;
import org.affectiveprocesses.evaluation.Evaluation;
import org.affectiveprocesses.metrics.CalibrationReport;

/** The calibration tables the commands print: σ as the decoder gives it next to the calibrated σ. */
final class CalibrationText {
    private CalibrationText() {
    }

    /** The calibration of a model's σ on some data, without and with its calibration. */
    record BeforeAfter(CalibrationReport before, CalibrationReport after) {
    }

    /** Scores the model's σ on the data with every scale 1 and with the model's own calibration. */
    static BeforeAfter measure(AffectiveProcess ap, SequenceDataset data) {
        CalibrationReport after = Evaluation.of(ap, data).calibration();
        try (AffectiveProcess raw = ap.withCalibration(UncertaintyCalibration.none(ap.labelSpace().size()))) {
            return new BeforeAfter(Evaluation.of(raw, data).calibration(), after);
        }
    }

    /** A markdown table of the pooled measures before and after, with the ideal values. */
    static String table(BeforeAfter m, UncertaintyCalibration calibration) {
        StringBuilder sb = new StringBuilder("| Calibration (all dimensions) | uncalibrated σ | calibrated σ | ideal |\n"
                + "|---|---|---|---|\n");
        for (CalibrationReport.Measure measure : CalibrationReport.Measure.values()) {
            sb.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %s |%n", measure.displayName(),
                    m.before().value(measure, CalibrationReport.POOLED), m.after().value(measure, CalibrationReport.POOLED),
                    Double.isNaN(measure.ideal()) ? "" : String.format(Locale.ROOT, "%.3f", measure.ideal())));
        }
        sb.append('\n').append(describe(calibration)).append('\n');
        return sb.toString();
    }

    /** One line on a calibration: the scales and what they were fitted on. */
    static String describe(UncertaintyCalibration c) {
        if (c.method() == UncertaintyCalibration.Method.NONE) {
            return "σ is not calibrated (scales 1).";
        }
        return String.format(Locale.ROOT, "σ scales %s (variance scaling) fitted on %s: NLL %.3f -> %.3f.",
                Arrays.toString(Arrays.stream(c.scales()).map(s -> Math.round(s * 1000) / 1000.0).toArray()),
                c.data(), c.nllBefore(), c.nllAfter());
    }
}
