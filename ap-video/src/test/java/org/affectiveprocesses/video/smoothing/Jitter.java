package org.affectiveprocesses.video.smoothing;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.affectiveprocesses.backbone.TestMedia;
import org.affectiveprocesses.video.AffectRecognizer;
import org.affectiveprocesses.video.FrameAffect;

/**
 * The jitter of per-frame estimates: the mean absolute change of valence between consecutive
 * frames of the same face, and how many such pairs jump by more than 0.3.
 *
 * @param pairs consecutive-frame pairs of one face
 * @param meanChange mean |valence(t) − valence(t−1)|
 * @param jumps pairs changing by more than 0.3
 */
public record Jitter(int pairs, double meanChange, int jumps) {
    /** Measures the rows' {@link FrameAffect#mean(int)} of dimension 0 (valence). */
    public static Jitter of(Iterable<FrameAffect> rows) {
        Map<Integer, float[]> last = new HashMap<>();
        int pairs = 0;
        int jumps = 0;
        double sum = 0;
        for (FrameAffect f : rows) {
            if (!f.faceFound()) {
                continue;
            }
            float[] prev = last.put(f.faceId(), new float[] {f.frame(), f.mean(0)});
            if (prev != null && prev[0] == f.frame() - 1) {
                double d = Math.abs(f.mean(0) - prev[1]);
                sum += d;
                pairs++;
                jumps += d > 0.3 ? 1 : 0;
            }
        }
        return new Jitter(pairs, pairs == 0 ? 0 : sum / pairs, jumps);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "valence moves %.3f per frame on average over %d consecutive frame"
                + " pairs, %d of them by more than 0.3", meanChange, pairs, jumps);
    }

    /**
     * Prints the jitter of the backbone's valence on the test clips (the largest face of each
     * frame), as it comes and smoothed with the default 1€ filter. Run with
     * {@code -Dap.testMedia=ap-video/target/test-media}.
     */
    public static void main(String[] args) throws IOException {
        for (String clip : List.of("Megamind.avi", "vtest.avi")) {
            try (AffectRecognizer raw = AffectRecognizer.builder().build()) {
                System.out.printf(Locale.ROOT, "%s, per-frame estimate: %s%n", clip, of(raw.analyze(TestMedia.file(clip))));
            }
            try (AffectRecognizer smooth = AffectRecognizer.builder().smoothing(OneEuroFilter.Parameters.affect()).build()) {
                System.out.printf(Locale.ROOT, "%s, smoothed (1€, min cutoff 1 Hz, beta 1): %s%n", clip,
                        of(smooth.analyze(TestMedia.file(clip))));
            }
        }
    }
}
