package org.affectiveprocesses.api;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * One video (or a window of one) as a temporal model reads it: per frame, the backbone features
 * x<sub>t</sub>, the backbone's pseudo-labels ŷ<sub>t</sub>, the ground truth y<sub>t</sub> when
 * annotated, a validity flag (false when no face was found) and a timestamp.
 *
 * <p>Labels and pseudo-labels are in the normalised range of the {@link LabelSpace} ([-1, 1]); a
 * value outside it is rejected (a label of 5 on a [-1, 1] scale would silently wreck every
 * score). A missing annotation is stored as {@code NaN} in the ground truth, per frame and
 * dimension (BP4D marks single missing Action Units), and is never used as a target. Features and
 * pseudo-labels of valid frames must be finite; invalid frames carry zeros and are excluded from
 * context and evaluation. Timestamps are finite and never go backwards.
 *
 * <p>Instances are immutable: the builder and the factory copy their inputs, and accessors
 * return copies. Construction validates everything and names the sequence, the frame and the
 * field that is wrong.
 */
public final class AffectSequence {
    private final String id;
    private final String subject;
    private final LabelSpace labelSpace;
    private final int featureSize;
    private final int length;
    private final float[] features;
    private final float[] pseudoLabels;
    private final float[] labels;
    private final boolean[] valid;
    private final double[] timestamps;
    private final int labelledFrames;
    private final int validFrames;

    private AffectSequence(Builder b) {
        this.id = b.id;
        this.subject = b.subject == null ? b.id : b.subject;
        this.labelSpace = b.labelSpace;
        this.featureSize = b.featureSize;
        this.length = b.length;
        this.features = Arrays.copyOf(b.features, length * featureSize);
        this.pseudoLabels = Arrays.copyOf(b.pseudoLabels, length * labelSpace.size());
        this.labels = Arrays.copyOf(b.labels, length * labelSpace.size());
        this.valid = Arrays.copyOf(b.valid, length);
        this.timestamps = Arrays.copyOf(b.timestamps, length);
        int labelled = 0;
        int validCount = 0;
        int dy = labelSpace.size();
        for (int t = 0; t < length; t++) {
            if (valid[t]) {
                validCount++;
            }
            for (int d = 0; d < dy; d++) {
                if (!Float.isNaN(labels[t * dy + d])) {
                    labelled++;
                    break;
                }
            }
        }
        this.labelledFrames = labelled;
        this.validFrames = validCount;
        validate();
    }

    /**
     * Starts a sequence.
     *
     * @param id a name for the sequence (video name), used in error messages and reports
     * @param labelSpace what the pseudo-labels and labels mean
     * @param featureSize the backbone feature size dx (512 in the paper)
     */
    public static Builder builder(String id, LabelSpace labelSpace, int featureSize) {
        return new Builder(id, labelSpace, featureSize);
    }

    /**
     * Builds a sequence from per-frame arrays; all frames valid, timestamps at 30 frames/s.
     *
     * @param features [frame][featureSize]
     * @param pseudoLabels [frame][labelSize]
     * @param labels [frame][labelSize] ground truth ({@code NaN} = missing), or {@code null}
     */
    public static AffectSequence of(String id, LabelSpace labelSpace, float[][] features,
            float[][] pseudoLabels, float[][] labels) {
        Objects.requireNonNull(features, "features");
        if (features.length == 0) {
            throw new IllegalArgumentException("sequence '" + id + "' has no frames");
        }
        Builder b = builder(id, labelSpace, features[0].length);
        for (int t = 0; t < features.length; t++) {
            b.addFrame(features[t], pseudoLabels == null ? null : pseudoLabels[t],
                    labels == null ? null : labels[t]);
        }
        return b.build();
    }

    /** The sequence's name. */
    public String id() {
        return id;
    }

    /** The subject (person) shown, for subject-independent splits; the id when unknown. */
    public String subject() {
        return subject;
    }

    /** What the labels mean. */
    public LabelSpace labelSpace() {
        return labelSpace;
    }

    /** The feature size dx. */
    public int featureSize() {
        return featureSize;
    }

    /** The label size dy (the label space's size). */
    public int labelSize() {
        return labelSpace.size();
    }

    /** The number of frames. */
    public int length() {
        return length;
    }

    /** The number of frames with a face (valid features). */
    public int validFrameCount() {
        return validFrames;
    }

    /** The number of frames with at least one annotated dimension. */
    public int labelledFrameCount() {
        return labelledFrames;
    }

    /** Whether frame {@code t} has valid features (a face was found). */
    public boolean isValid(int t) {
        return valid[checkFrame(t)];
    }

    /** Whether frame {@code t} has at least one annotated dimension. */
    public boolean hasLabel(int t) {
        int dy = labelSpace.size();
        checkFrame(t);
        for (int d = 0; d < dy; d++) {
            if (!Float.isNaN(labels[t * dy + d])) {
                return true;
            }
        }
        return false;
    }

    /** The timestamp of frame {@code t} in seconds. */
    public double seconds(int t) {
        return timestamps[checkFrame(t)];
    }

    /** Feature {@code i} of frame {@code t}. */
    public float feature(int t, int i) {
        checkFrame(t);
        Objects.checkIndex(i, featureSize);
        return features[t * featureSize + i];
    }

    /** A copy of the features of frame {@code t}. */
    public float[] features(int t) {
        checkFrame(t);
        return Arrays.copyOfRange(features, t * featureSize, (t + 1) * featureSize);
    }

    /**
     * Copies the features of frame {@code t} into {@code dst} at {@code offset} (no allocation).
     */
    public void copyFeatures(int t, float[] dst, int offset) {
        checkFrame(t);
        System.arraycopy(features, t * featureSize, dst, offset, featureSize);
    }

    /**
     * Puts the features of frame {@code t} into {@code dst} at its position (no allocation).
     *
     * @throws java.nio.BufferOverflowException if {@code dst} has fewer than featureSize values left
     */
    public void copyFeatures(int t, FloatBuffer dst) {
        checkFrame(t);
        dst.put(features, t * featureSize, featureSize);
    }

    /**
     * Puts the pseudo-labels of frame {@code t} into {@code dst} at its position (no allocation).
     *
     * @throws java.nio.BufferOverflowException if {@code dst} has fewer than labelSize values left
     */
    public void copyPseudoLabels(int t, FloatBuffer dst) {
        checkFrame(t);
        int dy = labelSpace.size();
        dst.put(pseudoLabels, t * dy, dy);
    }

    /** Pseudo-label dimension {@code d} of frame {@code t} (normalised). */
    public float pseudoLabel(int t, int d) {
        checkFrame(t);
        Objects.checkIndex(d, labelSpace.size());
        return pseudoLabels[t * labelSpace.size() + d];
    }

    /** A copy of the pseudo-labels of frame {@code t}. */
    public float[] pseudoLabels(int t) {
        int dy = labelSpace.size();
        checkFrame(t);
        return Arrays.copyOfRange(pseudoLabels, t * dy, (t + 1) * dy);
    }

    /** Ground-truth dimension {@code d} of frame {@code t} (normalised), {@code NaN} if missing. */
    public float label(int t, int d) {
        checkFrame(t);
        Objects.checkIndex(d, labelSpace.size());
        return labels[t * labelSpace.size() + d];
    }

    /** A copy of the ground truth of frame {@code t} ({@code NaN} where missing). */
    public float[] labels(int t) {
        int dy = labelSpace.size();
        checkFrame(t);
        return Arrays.copyOfRange(labels, t * dy, (t + 1) * dy);
    }

    /** The ground truth of dimension {@code d} over all frames ({@code NaN} where missing or invalid). */
    public double[] labelSeries(int d) {
        Objects.checkIndex(d, labelSpace.size());
        double[] out = new double[length];
        for (int t = 0; t < length; t++) {
            out[t] = valid[t] ? labels[t * labelSpace.size() + d] : Double.NaN;
        }
        return out;
    }

    /** The pseudo-labels of dimension {@code d} over all frames ({@code NaN} on invalid frames). */
    public double[] pseudoLabelSeries(int d) {
        Objects.checkIndex(d, labelSpace.size());
        double[] out = new double[length];
        for (int t = 0; t < length; t++) {
            out[t] = valid[t] ? pseudoLabels[t * labelSpace.size() + d] : Double.NaN;
        }
        return out;
    }

    /**
     * The frames {@code [from, to)} as a new sequence named {@code id[from:to]}.
     *
     * @throws IndexOutOfBoundsException if the range is not inside the sequence or is empty
     */
    public AffectSequence subsequence(int from, int to) {
        if (from < 0 || to > length || from >= to) {
            throw new IndexOutOfBoundsException("sequence '" + id + "' has " + length
                    + " frames; cannot take [" + from + ", " + to + ")");
        }
        int dy = labelSpace.size();
        Builder b = builder(id + "[" + from + ":" + to + "]", labelSpace, featureSize).subject(subject);
        b.ensureCapacity(to - from);
        System.arraycopy(features, from * featureSize, b.features, 0, (to - from) * featureSize);
        System.arraycopy(pseudoLabels, from * dy, b.pseudoLabels, 0, (to - from) * dy);
        System.arraycopy(labels, from * dy, b.labels, 0, (to - from) * dy);
        System.arraycopy(valid, from, b.valid, 0, to - from);
        System.arraycopy(timestamps, from, b.timestamps, 0, to - from);
        b.length = to - from;
        return b.build();
    }

    /**
     * A copy of this sequence with other pseudo-labels (e.g. those of a newly trained backbone
     * head).
     *
     * @param newPseudoLabels [frame][labelSize]
     */
    public AffectSequence withPseudoLabels(float[][] newPseudoLabels) {
        if (newPseudoLabels.length != length) {
            throw new IllegalArgumentException("sequence '" + id + "' has " + length
                    + " frames but " + newPseudoLabels.length + " pseudo-label rows were given");
        }
        int dy = labelSpace.size();
        Builder b = builder(id, labelSpace, featureSize).subject(subject);
        b.ensureCapacity(length);
        System.arraycopy(features, 0, b.features, 0, length * featureSize);
        System.arraycopy(labels, 0, b.labels, 0, length * dy);
        System.arraycopy(valid, 0, b.valid, 0, length);
        System.arraycopy(timestamps, 0, b.timestamps, 0, length);
        for (int t = 0; t < length; t++) {
            if (newPseudoLabels[t].length != dy) {
                throw new IllegalArgumentException("sequence '" + id + "', frame " + t
                        + ": pseudo-labels have " + newPseudoLabels[t].length + " values, expected " + dy);
            }
            System.arraycopy(newPseudoLabels[t], 0, b.pseudoLabels, t * dy, dy);
        }
        b.length = length;
        return b.build();
    }

    @Override
    public String toString() {
        return "AffectSequence[" + id + ", subject " + subject + ", " + length + " frames, dx "
                + featureSize + ", " + labelSpace.name() + "]";
    }

    private int checkFrame(int t) {
        if (t < 0 || t >= length) {
            throw new IndexOutOfBoundsException("sequence '" + id + "' has " + length
                    + " frames; frame " + t + " does not exist");
        }
        return t;
    }

    private void validate() {
        int dy = labelSpace.size();
        for (int t = 0; t < length; t++) {
            if (!Double.isFinite(timestamps[t])) {
                throw invalid(t, "timestamp", "is " + timestamps[t]);
            }
            if (t > 0 && timestamps[t] < timestamps[t - 1]) {
                throw invalid(t, "timestamp", "goes backwards (" + timestamps[t - 1] + " s then "
                        + timestamps[t] + " s)");
            }
            for (int d = 0; d < dy; d++) {
                float y = labels[t * dy + d];
                if (!Float.isNaN(y) && !(Math.abs(y) <= 1f)) {
                    throw invalid(t, "label " + labelSpace.dimension(d), "is " + y
                            + ", outside the normalised range [-1, 1] (NaN marks a missing label)");
                }
            }
            if (!valid[t]) {
                continue;
            }
            for (int i = 0; i < featureSize; i++) {
                float v = features[t * featureSize + i];
                if (!Float.isFinite(v)) {
                    throw invalid(t, "feature " + i, "is " + v);
                }
            }
            for (int d = 0; d < dy; d++) {
                float v = pseudoLabels[t * dy + d];
                if (!(Math.abs(v) <= 1f)) {
                    throw invalid(t, "pseudo-label " + labelSpace.dimension(d), "is " + v
                            + (Float.isFinite(v) ? ", outside the normalised range [-1, 1]" : ""));
                }
            }
        }
    }

    private InvalidSequenceException invalid(int t, String field, String problem) {
        return new InvalidSequenceException(id, t, field, problem);
    }

    /** Collects frames for an {@link AffectSequence}; not thread-safe, single use. */
    public static final class Builder {
        private final String id;
        private final LabelSpace labelSpace;
        private final int featureSize;
        private String subject;
        private double fps = 30.0;
        private int length;
        private float[] features = new float[0];
        private float[] pseudoLabels = new float[0];
        private float[] labels = new float[0];
        private boolean[] valid = new boolean[0];
        private double[] timestamps = new double[0];
        private boolean explicitTimes;

        private Builder(String id, LabelSpace labelSpace, int featureSize) {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("a sequence needs a non-empty id");
            }
            this.id = id;
            this.labelSpace = Objects.requireNonNull(labelSpace, "labelSpace");
            if (featureSize <= 0) {
                throw new IllegalArgumentException("sequence '" + id + "': feature size must be positive, got "
                        + featureSize);
            }
            this.featureSize = featureSize;
        }

        /** Sets the subject shown in the video (for subject-independent splits). */
        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /**
         * Sets the frame rate used for frames added without a timestamp (default 30).
         *
         * @throws IllegalArgumentException if not positive and finite
         */
        public Builder fps(double framesPerSecond) {
            if (!(framesPerSecond > 0) || !Double.isFinite(framesPerSecond)) {
                throw new IllegalArgumentException("sequence '" + id + "': fps must be positive, got "
                        + framesPerSecond);
            }
            this.fps = framesPerSecond;
            return this;
        }

        /**
         * Adds a valid frame, timestamped from the frame rate.
         *
         * @param x features (length featureSize)
         * @param pseudoLabels the backbone's per-frame prediction (length labelSize)
         * @param groundTruth the annotation (length labelSize, {@code NaN} = missing), or null
         */
        public Builder addFrame(float[] x, float[] pseudoLabels, float[] groundTruth) {
            return add(x, pseudoLabels, groundTruth, true, Double.NaN);
        }

        /**
         * Adds a valid frame with an explicit timestamp in seconds.
         *
         * @throws InvalidSequenceException if the timestamp is not finite, or a value is missing
         *     or of the wrong length
         */
        public Builder addFrame(double seconds, float[] x, float[] pseudoLabels, float[] groundTruth) {
            requireFinite(seconds);
            explicitTimes = true;
            return add(x, pseudoLabels, groundTruth, true, seconds);
        }

        /**
         * Adds a frame without a face: no features, no pseudo-labels; it keeps its place in time
         * and may still carry ground truth (which is then not evaluated).
         *
         * @throws InvalidSequenceException if the timestamp is not finite
         */
        public Builder addInvalidFrame(double seconds) {
            requireFinite(seconds);
            explicitTimes = true;
            return add(null, null, null, false, seconds);
        }

        /** The number of frames added so far. */
        public int length() {
            return length;
        }

        /**
         * Builds the immutable sequence.
         *
         * @throws InvalidSequenceException if a value is not finite or time goes backwards
         * @throws IllegalArgumentException if no frame was added
         */
        public AffectSequence build() {
            if (length == 0) {
                throw new IllegalArgumentException("sequence '" + id + "' has no frames");
            }
            return new AffectSequence(this);
        }

        private Builder add(float[] x, float[] yHat, float[] y, boolean isValid, double seconds) {
            int dy = labelSpace.size();
            if (isValid) {
                checkLength(x, featureSize, "features");
                checkLength(yHat, dy, "pseudo-labels");
            }
            if (y != null && y.length != dy) {
                throw new InvalidSequenceException(id, length, "ground truth",
                        "has " + y.length + " values, expected " + dy);
            }
            ensureCapacity(length + 1);
            if (isValid) {
                System.arraycopy(x, 0, features, length * featureSize, featureSize);
                System.arraycopy(yHat, 0, pseudoLabels, length * dy, dy);
            }
            for (int d = 0; d < dy; d++) {
                labels[length * dy + d] = y == null ? Float.NaN : y[d];
            }
            valid[length] = isValid;
            timestamps[length] = Double.isNaN(seconds)
                    ? (explicitTimes && length > 0 ? timestamps[length - 1] + 1.0 / fps : length / fps)
                    : seconds;
            length++;
            return this;
        }

        private void requireFinite(double seconds) {
            if (!Double.isFinite(seconds)) {
                throw new InvalidSequenceException(id, length, "timestamp", "is " + seconds
                        + "; give a finite time in seconds, or use addFrame without one");
            }
        }

        private void checkLength(float[] values, int expected, String field) {
            if (values == null) {
                throw new InvalidSequenceException(id, length, field, "are missing");
            }
            if (values.length != expected) {
                throw new InvalidSequenceException(id, length, field,
                        "have " + values.length + " values, expected " + expected);
            }
        }

        private void ensureCapacity(int frames) {
            if (valid.length >= frames) {
                return;
            }
            int cap = Math.max(frames, valid.length * 2 + 16);
            int dy = labelSpace.size();
            features = Arrays.copyOf(features, cap * featureSize);
            pseudoLabels = Arrays.copyOf(pseudoLabels, cap * dy);
            labels = Arrays.copyOf(labels, cap * dy);
            valid = Arrays.copyOf(valid, cap);
            timestamps = Arrays.copyOf(timestamps, cap);
        }
    }
}
