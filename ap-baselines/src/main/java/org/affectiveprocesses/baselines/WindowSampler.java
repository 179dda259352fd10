package org.affectiveprocesses.baselines;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.core.model.InputStandardization;

/**
 * Draws training batches for a baseline from one seeded generator: per clip, a sequence with
 * probability proportional to its number of possible clip starts, then a uniform start among its
 * valid frames (frames without a face are left out, as at test time), giving exactly L
 * consecutive valid frames with at least one label. Inputs are normalised; targets hold the
 * ground truth and a mask that is 0 where it is missing.
 */
final class WindowSampler {
    private static final int MAX_ATTEMPTS = 1000;

    private final SequenceDataset data;
    private final int length;
    private final int batchSize;
    private final boolean usePseudoLabels;
    private final InputStandardization normalization;
    private final SplittableRandom rng;
    private final long[] cumulativeStarts;

    /** One batch: inputs [B][L][in], targets and mask [B][L][dy]. */
    record Batch(int clips, int length, float[] inputs, float[] targets, float[] mask) {
    }

    WindowSampler(SequenceDataset data, int length, int batchSize, boolean usePseudoLabels,
            InputStandardization normalization, long seed) {
        this.data = data;
        this.length = length;
        this.batchSize = batchSize;
        this.usePseudoLabels = usePseudoLabels;
        this.normalization = normalization;
        this.rng = new SplittableRandom(seed);
        this.cumulativeStarts = new long[data.size()];
        long total = 0;
        for (int i = 0; i < data.size(); i++) {
            total += Math.max(0, data.length(i) - length + 1);
            cumulativeStarts[i] = total;
        }
        if (total == 0) {
            throw new IllegalArgumentException("no sequence of '" + data.name() + "' has " + length
                    + " frames, the model's window length");
        }
    }

    Batch next() {
        int in = normalization.featureSize();
        int dy = data.labelSpace().size();
        float[] x = new float[batchSize * length * in];
        float[] y = new float[batchSize * length * dy];
        float[] mask = new float[batchSize * length * dy];
        for (int b = 0; b < batchSize; b++) {
            AffectSequence s = null;
            int[] frames = null;
            for (int attempt = 0; attempt < MAX_ATTEMPTS && frames == null; attempt++) {
                long pick = rng.nextLong(cumulativeStarts[cumulativeStarts.length - 1]);
                int i = Arrays.binarySearch(cumulativeStarts, pick + 1);
                s = data.get(i < 0 ? -i - 1 : i);
                frames = clip(s);
            }
            if (frames == null) {
                throw new IllegalArgumentException("could not draw a clip of " + length + " valid frames with a label from '"
                        + data.name() + "' in " + MAX_ATTEMPTS + " attempts; are its sequences labelled?");
            }
            for (int j = 0; j < length; j++) {
                int row = b * length + j;
                normalization.standardizedRow(s, frames[j], usePseudoLabels, x, row * in);
                for (int d = 0; d < dy; d++) {
                    float v = s.label(frames[j], d);
                    boolean present = !Float.isNaN(v);
                    y[row * dy + d] = present ? v : 0f;
                    mask[row * dy + d] = present ? 1f : 0f;
                }
            }
        }
        return new Batch(batchSize, length, x, y, mask);
    }

    /** A uniformly placed clip of valid frames with a label, or null when the sequence has none. */
    private int[] clip(AffectSequence s) {
        int[] valid = new int[s.length()];
        int n = 0;
        for (int t = 0; t < s.length(); t++) {
            if (s.isValid(t)) {
                valid[n++] = t;
            }
        }
        if (n < length) {
            return null;
        }
        int start = rng.nextInt(n - length + 1);
        int[] frames = Arrays.copyOfRange(valid, start, start + length);
        for (int t : frames) {
            if (s.hasLabel(t)) {
                return frames;
            }
        }
        return null;
    }
}
