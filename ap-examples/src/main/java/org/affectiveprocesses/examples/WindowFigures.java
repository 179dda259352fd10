package org.affectiveprocesses.examples;

import java.util.ArrayList;
import java.util.List;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.ContextWindow;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.LabelKind;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.charts.Chart;
import org.affectiveprocesses.charts.WindowChart;

/**
 * Fig. 4 charts for a report: for the first sequences of a split, the middle window, with
 * function samples; valence and arousal both, or the Action Unit that moves most in the window.
 */
final class WindowFigures {
    private WindowFigures() {
    }

    /**
     * A chart with its caption.
     *
     * @param caption what the chart shows
     * @param chart the chart
     * @param name a file-name stem
     */
    record Figure(String caption, Chart chart, String name) {
    }

    static List<Figure> of(AffectiveProcess ap, InferenceOptions options, SequenceDataset data, int sequences,
            int samples) {
        List<Figure> out = new ArrayList<>();
        for (int i = 0; i < Math.min(sequences, data.size()); i++) {
            AffectSequence s = data.get(i);
            Prediction p = ap.predict(s, options.withSamples(samples, 7));
            if (p.windows().isEmpty()) {
                continue;
            }
            int w = p.windows().size() / 2;
            ContextWindow window = p.windows().get(w);
            for (int d : dimensions(s, window)) {
                String dim = s.labelSpace().dimension(d);
                Chart c = WindowChart.of(s, p).dimension(d).window(w).build();
                out.add(new Figure(s.id() + ", " + dim + ", frames " + window.start() + "-"
                        + (window.start() + window.length() - 1) + " (window " + (w + 1) + " of " + p.windows().size()
                        + "): ground truth, backbone, AP mean ± σ" + calibrated(ap) + ", " + samples
                        + " function samples (the decoder's mean for z drawn from N(μ_C, σ_C), the global latent of the"
                        + " window's context: curves the model finds plausible; their spread around the mean is scaled"
                        + " by the same calibration as σ) and the " + window.contextSize() + " selected context frames", c,
                        "fig4-" + s.id().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + dim));
            }
        }
        return out;
    }

    /** What the band and the samples of a window chart are, in one line. */
    static String legend(AffectiveProcess ap, int samples) {
        return "band: AP mean ± σ" + calibrated(ap) + (samples == 0 ? ""
                : "; " + samples + " function samples: the decoder's mean for z ~ N(μ_C, σ_C), spread scaled like σ");
    }

    private static String calibrated(AffectiveProcess ap) {
        return ap.calibration().isIdentity() ? " (σ not calibrated)" : " (σ calibrated on " + ap.calibration().data() + ")";
    }

    private static int[] dimensions(AffectSequence s, ContextWindow w) {
        if (s.labelSpace().kind() != LabelKind.ACTION_UNITS) {
            return java.util.stream.IntStream.range(0, Math.min(2, s.labelSize())).toArray();
        }
        int best = 0;
        double bestVar = -1;
        for (int d = 0; d < s.labelSize(); d++) {
            double sum = 0;
            double sq = 0;
            int n = 0;
            for (int t = w.start(); t < w.start() + w.length(); t++) {
                float y = s.label(t, d);
                if (s.isValid(t) && !Float.isNaN(y)) {
                    sum += y;
                    sq += y * y;
                    n++;
                }
            }
            double var = n > 1 ? sq / n - (sum / n) * (sum / n) : -1;
            if (var > bestVar) {
                bestVar = var;
                best = d;
            }
        }
        return new int[] {best};
    }
}
