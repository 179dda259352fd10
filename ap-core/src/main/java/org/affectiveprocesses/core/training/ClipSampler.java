package org.affectiveprocesses.core.training;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.core.model.InputStandardization;

/**
 * Draws training batches with the paper's protocol (Sec. 4.2), from one seeded generator:
 *
 * <ol>
 *   <li>a sequence, with probability proportional to its number of possible clip starts (so every
 *       frame is about equally likely); frames without a face are left out, as at test time;
 *   <li>a clip length L uniform in [minClipLength, maxClipLength] (capped by the sequence) and a
 *       uniform start;
 *   <li>a context size C uniform in [minContextPoints, L] and C distinct frames uniformly;
 *   <li>for the whole clip, with probability {@code groundTruthContextProbability} the context
 *       encoder reads the ground truth (pseudo-labels where it is missing), else the
 *       pseudo-labels;
 *   <li>targets: every frame of the clip with ground truth;
 *   <li>ε ~ N(0, I) for the reparameterised latent sample.
 * </ol>
 *
 * <p>The features are packed standardised with the model's {@link InputStandardization} (the
 * identity reads them raw).
 */
public final class ClipSampler {
    private static final int MAX_ATTEMPTS = 1000;

    private final SequenceDataset data;
    private final TrainingConfig config;
    private final int latentSize;
    private final SplittableRandom rng;
    private final long[] cumulativeStarts;
    private final InputStandardization standardization;
    private final boolean rawFeatures;

    /**
     * A sampler of raw features.
     *
     * @param data training sequences
     * @param config the protocol
     * @param latentSize Z, the size of the noise per clip
     * @param seed the generator's seed
     * @throws IllegalArgumentException if no sequence is long enough for one clip
     */
    public ClipSampler(SequenceDataset data, TrainingConfig config, int latentSize, long seed) {
        this(data, config, latentSize, seed, InputStandardization.identity(data.featureSize()));
    }

    /**
     * A sampler that standardises the features.
     *
     * @param data training sequences
     * @param config the protocol
     * @param latentSize Z, the size of the noise per clip
     * @param seed the generator's seed
     * @param standardization applied to every packed frame
     * @throws IllegalArgumentException if no sequence is long enough for one clip, or the
     *     standardisation has another feature size
     */
    public ClipSampler(SequenceDataset data, TrainingConfig config, int latentSize, long seed,
            InputStandardization standardization) {
        if (standardization.featureSize() != data.featureSize()) {
            throw new IllegalArgumentException("the standardisation has " + standardization.featureSize()
                    + " features, '" + data.name() + "' has " + data.featureSize());
        }
        this.standardization = standardization;
        this.rawFeatures = standardization.isIdentity();
        this.data = data;
        this.config = config;
        this.latentSize = latentSize;
        this.rng = new SplittableRandom(seed);
        this.cumulativeStarts = new long[data.size()];
        long total = 0;
        for (int i = 0; i < data.size(); i++) {
            total += Math.max(0, data.length(i) - config.minClipLength() + 1);
            cumulativeStarts[i] = total;
        }
        if (total == 0) {
            throw new IllegalArgumentException("no sequence of '" + data.name() + "' has "
                    + config.minClipLength() + " frames, the shortest training clip");
        }
    }

    /** The next batch of {@code config.batchSize()} clips. */
    public TrainingBatch next() {
        Clip[] clips = drawClips();
        float[] noise = drawNoise();
        int b = clips.length;
        int rows = 0;
        for (Clip c : clips) {
            rows += c.frames.length;
        }
        AffectSequence first = clips[0].sequence;
        int dx = first.featureSize();
        int dy = first.labelSize();
        int[] offsets = new int[b + 1];
        float[] x = new float[rows * dx];
        float[] ctxLabels = new float[rows * dy];
        float[] truth = new float[rows * dy];
        float[] mask = new float[rows * dy];
        float[] ctxWeights = new float[b * rows];
        float[] tgtWeights = new float[b * rows];
        float[] frameWeights = new float[rows];
        float[] klWeights = new float[b];
        int r = 0;
        for (int i = 0; i < b; i++) {
            Clip c = clips[i];
            offsets[i] = r;
            float ctxW = 1f / c.context.length;
            float tgtW = 1f / c.targets;
            for (int j = 0; j < c.frames.length; j++, r++) {
                int t = c.frames[j];
                c.sequence.copyFeatures(t, x, r * dx);
                if (!rawFeatures) {
                    standardization.standardize(x, r * dx);
                }
                boolean labelled = false;
                for (int d = 0; d < dy; d++) {
                    float gt = c.sequence.label(t, d);
                    float pseudo = c.sequence.pseudoLabel(t, d);
                    boolean present = !Float.isNaN(gt);
                    labelled |= present;
                    truth[r * dy + d] = present ? gt : pseudo;
                    mask[r * dy + d] = present ? 1f : 0f;
                    ctxLabels[r * dy + d] = c.useTruth && present ? gt : pseudo;
                }
                if (labelled) {
                    tgtWeights[i * rows + r] = tgtW;
                    frameWeights[r] = tgtW / b;
                }
            }
            for (int j : c.context) {
                ctxWeights[i * rows + offsets[i] + j] = ctxW;
            }
            klWeights[i] = tgtW / b;
        }
        offsets[b] = r;
        return new TrainingBatch(b, offsets, x, ctxLabels, truth, mask, ctxWeights, tgtWeights,
                frameWeights, klWeights, noise);
    }

    /**
     * Skips batches: draws what {@code batches} calls of {@link #next()} would draw (clips,
     * contexts, label sources and noise) without reading features or packing, so that the next
     * batch is the one {@code batches} further on. This is how a resumed training puts the
     * sampler where a checkpoint left it: {@link SplittableRandom}'s state cannot be exported,
     * so the draws are replayed from the seed (far cheaper than the steps they belong to).
     *
     * @param batches the number of batches to skip, at least 0
     * @throws IllegalArgumentException if {@code batches} is negative
     */
    public void skip(long batches) {
        if (batches < 0) {
            throw new IllegalArgumentException("cannot skip " + batches + " batches");
        }
        for (long i = 0; i < batches; i++) {
            drawClips();
            drawNoise();
        }
    }

    private Clip[] drawClips() {
        Clip[] clips = new Clip[config.batchSize()];
        for (int i = 0; i < clips.length; i++) {
            clips[i] = drawClip();
        }
        return clips;
    }

    /** ε for every clip of a batch, [B][Z], drawn after the batch's clips. */
    private float[] drawNoise() {
        float[] noise = new float[config.batchSize() * latentSize];
        for (int k = 0; k < noise.length; k++) {
            noise[k] = (float) rng.nextGaussian();
        }
        return noise;
    }

    private Clip drawClip() {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            long pick = rng.nextLong(cumulativeStarts[cumulativeStarts.length - 1]);
            int i = Arrays.binarySearch(cumulativeStarts, pick + 1);
            if (i < 0) {
                i = -i - 1;
            }
            AffectSequence s = data.get(i);
            int[] valid = new int[s.length()];
            int n = 0;
            for (int t = 0; t < s.length(); t++) {
                if (s.isValid(t)) {
                    valid[n++] = t;
                }
            }
            if (n < config.minClipLength()) {
                continue;
            }
            int maxLen = Math.min(config.maxClipLength(), n);
            int len = config.minClipLength() + rng.nextInt(maxLen - config.minClipLength() + 1);
            int start = rng.nextInt(n - len + 1);
            int[] frames = Arrays.copyOfRange(valid, start, start + len);
            int targets = 0;
            for (int t : frames) {
                if (s.hasLabel(t)) {
                    targets++;
                }
            }
            if (targets == 0) {
                continue;
            }
            int c = config.minContextPoints() + rng.nextInt(len - config.minContextPoints() + 1);
            int[] perm = new int[len];
            for (int j = 0; j < len; j++) {
                perm[j] = j;
            }
            for (int j = 0; j < c; j++) {
                int k = j + rng.nextInt(len - j);
                int tmp = perm[j];
                perm[j] = perm[k];
                perm[k] = tmp;
            }
            int[] context = Arrays.copyOf(perm, c);
            Arrays.sort(context);
            boolean useTruth = rng.nextDouble() < config.groundTruthContextProbability();
            return new Clip(s, frames, context, targets, useTruth);
        }
        throw new IllegalArgumentException("could not draw a training clip with labelled frames from '"
                + data.name() + "' in " + MAX_ATTEMPTS + " attempts; are its sequences labelled?");
    }

    private record Clip(AffectSequence sequence, int[] frames, int[] context, int targets, boolean useTruth) {
    }
}
