package org.affectiveprocesses.corpora;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.ModelFormatException;

/**
 * Puts a video's annotation into its feature sequence: the result has the features,
 * pseudo-labels, validity and timestamps of the feature file and the annotation's labels, with
 * {@code NaN} (masked, never zero) wherever the annotation has none.
 *
 * <p>Rows of an untimed annotation are the video's frames in order: row t labels frame t. Their
 * numbers must agree, up to a tolerance; with a tolerance, frames past the annotation's end are
 * unlabelled and annotation rows past the video's end are dropped. A timed annotation (SEWA with
 * a time column) labels each frame with the row nearest its timestamp, if that row is within half
 * the annotation's median row spacing; other frames are unlabelled.
 */
public final class AnnotationJoin {
    private AnnotationJoin() {
    }

    /**
     * Joins one video.
     *
     * @param features the video's feature sequence
     * @param featureFile where the features come from, for messages
     * @param annotation the video's annotation
     * @param lengthTolerance how many frames the annotation and the features may differ by
     *     (untimed annotations; 0 = exactly equal)
     * @return the sequence with the annotation's id, subject and labels
     * @throws AnnotationFormatException if the lengths differ by more than the tolerance (naming
     *     the annotation file and line), or no frame falls in a timed annotation's span
     * @throws ModelFormatException if the feature file's label space is not the annotation's
     */
    public static AffectSequence join(AffectSequence features, Path featureFile, Annotation annotation,
            int lengthTolerance) throws ModelFormatException {
        if (lengthTolerance < 0) {
            throw new IllegalArgumentException("lengthTolerance must be >= 0, got " + lengthTolerance);
        }
        if (!features.labelSpace().equals(annotation.labelSpace())) {
            throw new ModelFormatException(featureFile, "holds pseudo-labels of " + features.labelSpace()
                    + ", but the annotation " + annotation.source() + " is in " + annotation.labelSpace()
                    + "; extract features with a backbone whose head predicts " + annotation.labelSpace().dimensions());
        }
        float[][] labels = annotation.isTimed() ? byTime(features, featureFile, annotation)
                : byFrame(features, featureFile, annotation, lengthTolerance);
        AffectSequence.Builder b = AffectSequence.builder(annotation.video(), annotation.labelSpace(),
                features.featureSize()).subject(annotation.subject());
        for (int t = 0; t < features.length(); t++) {
            if (features.isValid(t)) {
                b.addFrame(features.seconds(t), features.features(t), features.pseudoLabels(t), labels[t]);
            } else {
                b.addInvalidFrame(features.seconds(t));
            }
        }
        return b.build();
    }

    private static float[][] byFrame(AffectSequence features, Path featureFile, Annotation a, int tolerance)
            throws AnnotationFormatException {
        int n = a.frames();
        int t = features.length();
        if (Math.abs(n - t) > tolerance) {
            String allowed = tolerance == 0 ? "they must match" : "at most " + tolerance + " may differ";
            if (n > t) {
                throw new AnnotationFormatException(a.source(), a.line(t), describe(a, t) + "is the annotation's frame " + (t + 1)
                        + " of " + n + ", but the feature file " + featureFile + " has only " + t + " frames ("
                        + allowed + "; see --length-tolerance)");
            }
            throw new AnnotationFormatException(a.source(), a.line(n - 1), describe(a, n - 1) + "is the last of " + n
                    + " annotated frames, but the feature file " + featureFile + " has " + t + " frames (" + allowed
                    + "; see --length-tolerance)");
        }
        int dy = a.labelSpace().size();
        float[][] out = new float[t][dy];
        for (int i = 0; i < t; i++) {
            for (int d = 0; d < dy; d++) {
                out[i][d] = i < n ? a.label(i, d) : Float.NaN;
            }
        }
        return out;
    }

    private static float[][] byTime(AffectSequence features, Path featureFile, Annotation a)
            throws AnnotationFormatException {
        int n = a.frames();
        double[] times = new double[n];
        for (int r = 0; r < n; r++) {
            times[r] = a.seconds(r);
        }
        double half = n > 1 ? medianSpacing(times) / 2 : Double.POSITIVE_INFINITY;
        int dy = a.labelSpace().size();
        float[][] out = new float[features.length()][dy];
        int matched = 0;
        for (int t = 0; t < features.length(); t++) {
            Arrays.fill(out[t], Float.NaN);
            double s = features.seconds(t);
            int r = nearest(times, s);
            if (Math.abs(times[r] - s) <= half) {
                for (int d = 0; d < dy; d++) {
                    out[t][d] = a.label(r, d);
                }
                matched++;
            }
        }
        if (matched == 0) {
            throw new AnnotationFormatException(a.source(), String.format(Locale.ROOT,
                    "spans %.3f-%.3f s, but no frame of the feature file %s (%.3f-%.3f s) falls within it",
                    times[0], times[n - 1], featureFile, features.seconds(0), features.seconds(features.length() - 1)));
        }
        return out;
    }

    private static String describe(Annotation a, int row) {
        String d = a.describeRow(row);
        int paren = d.indexOf('(');
        return paren >= 0 ? d.substring(paren) + " " : "";
    }

    private static double medianSpacing(double[] times) {
        double[] gaps = new double[times.length - 1];
        for (int i = 1; i < times.length; i++) {
            gaps[i - 1] = times[i] - times[i - 1];
        }
        Arrays.sort(gaps);
        return gaps[gaps.length / 2];
    }

    private static int nearest(double[] times, double s) {
        int i = Arrays.binarySearch(times, s);
        if (i >= 0) {
            return i;
        }
        int hi = -i - 1;
        if (hi == 0) {
            return 0;
        }
        if (hi == times.length) {
            return times.length - 1;
        }
        return s - times[hi - 1] <= times[hi] - s ? hi - 1 : hi;
    }
}
