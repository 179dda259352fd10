package org.affectiveprocesses.core.engine;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Objects;
import org.affectiveprocesses.api.AffectSequence;

/**
 * B windows of equal length L for one engine call. Row r = b·L + t is frame t of window b, and
 * holds the frame's features x (dx values) and the labels the encoder reads ŷ (dy values;
 * pseudo-labels at test time).
 *
 * <p>An engine either copies the rows straight into its own input buffer ({@link
 * #writeRows(FloatBuffer)}, no intermediate array) or takes them as arrays ({@link #features()},
 * {@link #encoderLabels()}). Batches over sequences read the sequences' frames on demand, so a
 * batch of 64 windows does not first build a 9 MB feature array on the Java heap.
 */
public final class WindowBatch {
    private final int batch;
    private final int length;
    private final int featureSize;
    private final int labelSize;
    private final Rows rows;

    /** The source of a batch's rows. */
    private interface Rows {
        void write(int row, FloatBuffer dst);

        void copyFeatures(int row, float[] dst, int offset);

        void copyLabels(int row, float[] dst, int offset);
    }

    private WindowBatch(int batch, int length, int featureSize, int labelSize, Rows rows) {
        if (batch < 1 || length < 1) {
            throw new IllegalArgumentException("empty window batch " + batch + "x" + length);
        }
        this.batch = batch;
        this.length = length;
        this.featureSize = featureSize;
        this.labelSize = labelSize;
        this.rows = rows;
    }

    /**
     * A batch over row-major arrays.
     *
     * @param batch B
     * @param length L
     * @param features [B][L][dx]
     * @param encoderLabels [B][L][dy]
     * @throws IllegalArgumentException if the arrays do not fit B and L
     */
    public static WindowBatch of(int batch, int length, float[] features, float[] encoderLabels) {
        int n = batch * length;
        if (batch < 1 || length < 1) {
            throw new IllegalArgumentException("empty window batch " + batch + "x" + length);
        }
        if (features.length % n != 0 || encoderLabels.length % n != 0) {
            throw new IllegalArgumentException("window batch arrays do not fit " + batch + " windows of "
                    + length + " frames");
        }
        int dx = features.length / n;
        int dy = encoderLabels.length / n;
        return new WindowBatch(batch, length, dx, dy, new Rows() {
            @Override
            public void write(int row, FloatBuffer dst) {
                dst.put(features, row * dx, dx);
                dst.put(encoderLabels, row * dy, dy);
            }

            @Override
            public void copyFeatures(int row, float[] dst, int offset) {
                System.arraycopy(features, row * dx, dst, offset, dx);
            }

            @Override
            public void copyLabels(int row, float[] dst, int offset) {
                System.arraycopy(encoderLabels, row * dy, dst, offset, dy);
            }
        });
    }

    /**
     * A batch over sequences: window b is the frames {@code frames.get(b)} of {@code
     * sequences.get(b)}, with their pseudo-labels as the encoder's labels.
     *
     * @param sequences the sequence of every window (all with the same feature and label sizes)
     * @param frames the frame indices of every window (all of the same length)
     * @throws IllegalArgumentException if the lists differ in size, are empty, or the windows
     *     differ in length or sizes
     */
    public static WindowBatch ofSequences(List<AffectSequence> sequences, List<int[]> frames) {
        if (sequences.isEmpty() || sequences.size() != frames.size()) {
            throw new IllegalArgumentException("a window batch needs one frame list per sequence, got "
                    + sequences.size() + " sequences and " + frames.size() + " frame lists");
        }
        AffectSequence first = sequences.get(0);
        int l = frames.get(0).length;
        for (int b = 0; b < sequences.size(); b++) {
            AffectSequence s = Objects.requireNonNull(sequences.get(b), "sequence");
            if (frames.get(b).length != l || s.featureSize() != first.featureSize()
                    || s.labelSize() != first.labelSize()) {
                throw new IllegalArgumentException("window " + b + " of the batch (sequence '" + s.id()
                        + "') has " + frames.get(b).length + " frames, dx " + s.featureSize() + ", dy "
                        + s.labelSize() + "; window 0 has " + l + ", " + first.featureSize() + ", "
                        + first.labelSize());
            }
        }
        AffectSequence[] seqs = sequences.toArray(new AffectSequence[0]);
        int[][] idx = frames.toArray(new int[0][]);
        int dy = first.labelSize();
        return new WindowBatch(seqs.length, l, first.featureSize(), dy, new Rows() {
            @Override
            public void write(int row, FloatBuffer dst) {
                AffectSequence s = seqs[row / l];
                int t = idx[row / l][row % l];
                s.copyFeatures(t, dst);
                s.copyPseudoLabels(t, dst);
            }

            @Override
            public void copyFeatures(int row, float[] dst, int offset) {
                seqs[row / l].copyFeatures(idx[row / l][row % l], dst, offset);
            }

            @Override
            public void copyLabels(int row, float[] dst, int offset) {
                AffectSequence s = seqs[row / l];
                int t = idx[row / l][row % l];
                for (int d = 0; d < dy; d++) {
                    dst[offset + d] = s.pseudoLabel(t, d);
                }
            }
        });
    }

    /** B. */
    public int batch() {
        return batch;
    }

    /** L. */
    public int length() {
        return length;
    }

    /** dx. */
    public int featureSize() {
        return featureSize;
    }

    /** dy. */
    public int labelSize() {
        return labelSize;
    }

    /**
     * Writes every row [x, ŷ] (dx + dy values) in order at the buffer's position, advancing it
     * by B·L·(dx + dy).
     */
    public void writeRows(FloatBuffer dst) {
        int n = batch * length;
        for (int r = 0; r < n; r++) {
            rows.write(r, dst);
        }
    }

    /** A new [B][L][dx] array of the features. */
    public float[] features() {
        int n = batch * length;
        float[] out = new float[n * featureSize];
        for (int r = 0; r < n; r++) {
            rows.copyFeatures(r, out, r * featureSize);
        }
        return out;
    }

    /** A new [B][L][dy] array of the encoder's labels. */
    public float[] encoderLabels() {
        int n = batch * length;
        float[] out = new float[n * labelSize];
        for (int r = 0; r < n; r++) {
            rows.copyLabels(r, out, r * labelSize);
        }
        return out;
    }
}
