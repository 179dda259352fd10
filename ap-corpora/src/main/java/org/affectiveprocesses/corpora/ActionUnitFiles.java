package org.affectiveprocesses.corpora;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.affectiveprocesses.api.LabelSpace;

/**
 * The per-Action-Unit layouts (DISFA, BP4D / FERA 2015): one file per video and Action Unit with
 * lines {@code frame,intensity}, frame numbers increasing, intensities on the FACS scale 0-5.
 * The files of one video must list the same frames; frames they skip become rows of {@code NaN}.
 */
final class ActionUnitFiles {
    /** A run of frames longer than this many times the file's lines (plus slack) is refused. */
    private static final int MAX_GAP_FACTOR = 10;
    private static final int GAP_SLACK = 10_000;

    private ActionUnitFiles() {
    }

    /**
     * One Action Unit's file.
     *
     * @param au the Action Unit number
     * @param file the file
     * @param frames the frame of each line, increasing
     * @param lines the 1-based line of each entry
     * @param raw the intensity of each line (NaN where the file marks it missing)
     */
    record Track(int au, Path file, int[] frames, int[] lines, float[] raw) {
    }

    /**
     * Parses one file.
     *
     * @param missingCode the intensity that marks a missing label (9 in BP4D), or NaN for none
     */
    static Track parse(Path file, int au, double missingCode) throws IOException {
        TextLines lines = TextLines.read(file);
        if (lines.count() == 0) {
            throw new AnnotationFormatException(file, "is empty; expected one line 'frame,intensity' per frame");
        }
        int n = lines.count();
        int[] frames = new int[n];
        int[] lineNumbers = new int[n];
        float[] raw = new float[n];
        for (int i = 0; i < n; i++) {
            int line = i + 1;
            String[] f = lines.fields(line, ",", 2, "frame,intensity");
            frames[i] = lines.frameNumber(line, f[0]);
            if (i > 0 && frames[i] <= frames[i - 1]) {
                throw lines.error(line, "frame " + frames[i] + " does not increase (line " + (line - 1)
                        + " has frame " + frames[i - 1] + ")");
            }
            double v = lines.number(line, f[1], "intensity");
            if (v == missingCode) {
                raw[i] = Float.NaN;
            } else if (v < 0 || v > 5) {
                throw lines.error(line, "intensity " + f[1] + " of AU" + au + " is outside the FACS scale 0-5"
                        + (Double.isNaN(missingCode) ? "" : " (and is not " + fmt(missingCode)
                                + ", the mark of a missing label)"));
            } else {
                raw[i] = (float) v;
            }
            lineNumbers[i] = line;
        }
        long span = (long) frames[n - 1] - frames[0] + 1;
        if (span > (long) MAX_GAP_FACTOR * n + GAP_SLACK) {
            throw new AnnotationFormatException(file, "spans frames " + frames[0] + "-" + frames[n - 1]
                    + " with only " + n + " lines; the frame numbers look wrong");
        }
        return new Track(au, file, frames, lineNumbers, raw);
    }

    /**
     * Joins a video's tracks (in label-space order) into one annotation.
     *
     * @throws AnnotationFormatException naming the file and line where a track's frames differ
     *     from the first track's
     */
    static Annotation combine(String video, String subject, String folder, LabelSpace space, List<Track> tracks)
            throws AnnotationFormatException {
        Track ref = tracks.get(0);
        for (Track t : tracks.subList(1, tracks.size())) {
            int common = Math.min(t.frames.length, ref.frames.length);
            for (int i = 0; i < common; i++) {
                if (t.frames[i] != ref.frames[i]) {
                    throw new AnnotationFormatException(t.file, t.lines[i], "has frame " + t.frames[i] + " where "
                            + ref.file.getFileName() + " line " + ref.lines[i] + " has frame " + ref.frames[i]
                            + "; the Action Unit files of " + video + " must list the same frames");
                }
            }
            if (t.frames.length != ref.frames.length) {
                Track longer = t.frames.length > ref.frames.length ? t : ref;
                Track shorter = longer == t ? ref : t;
                throw new AnnotationFormatException(longer.file, longer.lines[common], "has frame "
                        + longer.frames[common] + " but " + shorter.file.getFileName() + " ends at frame "
                        + shorter.frames[common - 1] + " (line " + shorter.lines[common - 1]
                        + "); the Action Unit files of " + video + " must list the same frames");
            }
        }
        int dy = space.size();
        int first = ref.frames[0];
        int rows = ref.frames[ref.frames.length - 1] - first + 1;
        float[] labels = new float[rows * dy];
        Arrays.fill(labels, Float.NaN);
        int[] lines = new int[rows];
        int[] frameNumbers = new int[rows];
        for (int r = 0; r < rows; r++) {
            frameNumbers[r] = first + r;
        }
        for (int d = 0; d < dy; d++) {
            Track t = tracks.get(d);
            for (int i = 0; i < t.frames.length; i++) {
                int row = t.frames[i] - first;
                labels[row * dy + d] = Float.isNaN(t.raw[i]) ? Float.NaN : (float) space.normalize(t.raw[i]);
                if (d == 0) {
                    lines[row] = t.lines[i];
                }
            }
        }
        return new Annotation(video, subject, folder, space, labels, null, ref.file, lines, frameNumbers);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
