package org.affectiveprocesses.baselines;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.SequenceDataset;

/** Small labelled datasets whose labels are a smooth function of the features. */
final class TinyData {
    private TinyData() {
    }

    /**
     * Sequences of random features; each label dimension is 0.8·tanh of a fixed projection of the
     * frame's features, and the pseudo-labels are the labels plus noise (clipped to [-1, 1], as a
     * backbone's are).
     */
    static SequenceDataset dataset(String name, LabelSpace labels, int sequences, int frames, int featureSize, long seed) {
        SplittableRandom projection = new SplittableRandom(99);
        int dy = labels.size();
        float[][] w = new float[dy][featureSize];
        for (float[] row : w) {
            for (int i = 0; i < featureSize; i++) {
                row[i] = (float) (projection.nextGaussian() / Math.sqrt(featureSize));
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<AffectSequence> out = new ArrayList<>();
        for (int s = 0; s < sequences; s++) {
            float[][] x = new float[frames][featureSize];
            float[][] y = new float[frames][dy];
            float[][] pseudo = new float[frames][dy];
            for (int t = 0; t < frames; t++) {
                for (int i = 0; i < featureSize; i++) {
                    x[t][i] = (float) (2 + 3 * rng.nextGaussian());
                }
                for (int d = 0; d < dy; d++) {
                    double a = 0;
                    for (int i = 0; i < featureSize; i++) {
                        a += w[d][i] * (x[t][i] - 2) / 3;
                    }
                    y[t][d] = (float) (0.8 * Math.tanh(a));
                    pseudo[t][d] = (float) Math.max(-1, Math.min(1, y[t][d] + 0.2 * rng.nextGaussian()));
                }
            }
            out.add(AffectSequence.of(name + "-" + s, labels, x, pseudo, y));
        }
        return SequenceDataset.of(name, out);
    }
}
