package org.affectiveprocesses.corpora;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.affectiveprocesses.api.LabelSpace;

/**
 * The ground truth of one video as an annotation layout gives it: one row per annotated frame,
 * every value normalised to [-1, 1] with the label space, {@code NaN} where the annotators marked
 * the frame (or one dimension of it) as missing. Rows are consecutive frames starting at the
 * video's first annotated frame; a frame the annotation skips is a row of {@code NaN}. Rows may
 * also carry timestamps (SEWA traces with a time column), in which case they are joined with a
 * video's frames by time rather than by position.
 *
 * <p>Obtain annotations from an {@link AnnotationLayout}; join them with feature files by {@link
 * AnnotationJoin}. Instances are immutable.
 */
public final class Annotation {
    private final String video;
    private final String subject;
    private final String folder;
    private final LabelSpace labelSpace;
    private final float[] labels;
    private final double[] times;
    private final Path source;
    private final int[] lines;
    private final int[] frameNumbers;
    private final int frames;

    /**
     * @param labels [row * labelSize + d], normalised, NaN = missing
     * @param times per row seconds, or null when rows are frames
     * @param lines per row the 1-based line in {@code source} (0 for a skipped frame)
     * @param frameNumbers per row the frame number the file gives, or null when rows are lines
     */
    Annotation(String video, String subject, String folder, LabelSpace labelSpace, float[] labels,
            double[] times, Path source, int[] lines, int[] frameNumbers) {
        this.video = requireText(video, "video");
        this.subject = requireText(subject, "subject");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.labelSpace = Objects.requireNonNull(labelSpace, "labelSpace");
        this.source = Objects.requireNonNull(source, "source");
        this.frames = lines.length;
        if (labels.length != frames * labelSpace.size() || (times != null && times.length != frames)
                || (frameNumbers != null && frameNumbers.length != frames)) {
            throw new IllegalArgumentException("annotation of '" + video + "': array sizes do not match "
                    + frames + " rows");
        }
        if (frames == 0) {
            throw new IllegalArgumentException("annotation of '" + video + "' (" + source + ") has no rows");
        }
        this.labels = labels.clone();
        this.times = times == null ? null : times.clone();
        this.lines = lines.clone();
        this.frameNumbers = frameNumbers == null ? null : frameNumbers.clone();
    }

    /** The video's name (the annotation file's name without the layout's suffix). */
    public String video() {
        return video;
    }

    /** The person shown, for subject-independent protocols. */
    public String subject() {
        return subject;
    }

    /**
     * The directory holding the annotation file, relative to the layout's root ({@code ""} at
     * the root); Aff-Wild2 names its partitions this way ({@code Train_Set}, {@code
     * Validation_Set}).
     */
    public String folder() {
        return folder;
    }

    /** What the labels mean. */
    public LabelSpace labelSpace() {
        return labelSpace;
    }

    /** The number of rows (consecutive frames from the first annotated one). */
    public int frames() {
        return frames;
    }

    /** Normalised label of dimension {@code d} at row {@code t}; {@code NaN} if missing. */
    public float label(int t, int d) {
        Objects.checkIndex(t, frames);
        Objects.checkIndex(d, labelSpace.size());
        return labels[t * labelSpace.size() + d];
    }

    /** The number of rows with at least one annotated dimension. */
    public int labelledFrames() {
        int dy = labelSpace.size();
        int n = 0;
        for (int t = 0; t < frames; t++) {
            for (int d = 0; d < dy; d++) {
                if (!Float.isNaN(labels[t * dy + d])) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    /** Whether rows carry timestamps (joined by time) rather than being frames. */
    public boolean isTimed() {
        return times != null;
    }

    /**
     * The timestamp of row {@code t} in seconds.
     *
     * @throws IllegalStateException if the annotation is not timed
     */
    public double seconds(int t) {
        if (times == null) {
            throw new IllegalStateException("annotation of '" + video + "' has no timestamps");
        }
        return times[Objects.checkIndex(t, frames)];
    }

    /** The file the rows come from (for per-Action-Unit layouts, the first Action Unit's file). */
    public Path source() {
        return source;
    }

    /** The 1-based line of row {@code t} in {@link #source()}, or 0 for a frame the file skips. */
    public int line(int t) {
        return lines[Objects.checkIndex(t, frames)];
    }

    /** Row {@code t} in words for error messages, e.g. {@code "line 18 (frame 17)"}. */
    public String describeRow(int t) {
        Objects.checkIndex(t, frames);
        String frame = frameNumbers == null ? "" : "frame " + frameNumbers[t];
        if (lines[t] == 0) {
            return frame + " (not in the file)";
        }
        return "line " + lines[t] + (frame.isEmpty() ? "" : " (" + frame + ")");
    }

    /** A copy assigned to another subject (e.g. from a subject map). */
    public Annotation withSubject(String newSubject) {
        return new Annotation(video, newSubject, folder, labelSpace, labels, times, source, lines, frameNumbers);
    }

    @Override
    public String toString() {
        return "Annotation[" + video + ", subject " + subject + ", " + frames + " frames, "
                + labelSpace.name() + ", " + source + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Annotation a && video.equals(a.video) && subject.equals(a.subject)
                && folder.equals(a.folder) && labelSpace.equals(a.labelSpace)
                && Arrays.equals(labels, a.labels) && Arrays.equals(times, a.times)
                && source.equals(a.source) && Arrays.equals(lines, a.lines)
                && Arrays.equals(frameNumbers, a.frameNumbers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(video, subject, source) * 31 + Arrays.hashCode(labels);
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an annotation needs a non-empty " + what);
        }
        return value;
    }
}
