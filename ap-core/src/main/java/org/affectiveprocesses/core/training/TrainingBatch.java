package org.affectiveprocesses.core.training;

/**
 * B training clips packed into N = Σ L_b rows, with everything an engine needs to compute the
 * loss of {@link org.affectiveprocesses.core.model.ApReference} without further choices.
 *
 * @param clips B
 * @param clipOffsets B + 1 row offsets: clip b is rows [clipOffsets[b], clipOffsets[b + 1])
 * @param features [N][dx]
 * @param contextLabels [N][dy] labels the context encoder reads (ground truth or pseudo-labels,
 *     chosen per clip; pseudo-labels where ground truth is missing)
 * @param truth [N][dy] ground truth with pseudo-labels where missing (the target encoder of
 *     L_kl reads it)
 * @param truthMask [N][dy] 1 where ground truth is present, 0 where missing
 * @param contextWeights [B][N] 1/C_b on the context rows of clip b, 0 elsewhere
 * @param targetWeights [B][N] 1/|T_b| on the labelled rows of clip b, 0 elsewhere
 * @param frameWeights [N] 1/(B·|T_b|) on labelled rows, 0 elsewhere: the NLL of row t counts with
 *     this weight
 * @param clipKlWeights [B] 1/(B·|T_b|): the KL of clip b counts with this weight
 * @param noise [B][Z] standard-normal draws for the reparameterised z
 */
public record TrainingBatch(int clips, int[] clipOffsets, float[] features, float[] contextLabels,
        float[] truth, float[] truthMask, float[] contextWeights, float[] targetWeights,
        float[] frameWeights, float[] clipKlWeights, float[] noise) {

    /** N, the number of rows. */
    public int rows() {
        return clipOffsets[clips];
    }

    /** The clip of each row, [N]. */
    public int[] rowClips() {
        int[] out = new int[rows()];
        for (int b = 0; b < clips; b++) {
            for (int r = clipOffsets[b]; r < clipOffsets[b + 1]; r++) {
                out[r] = b;
            }
        }
        return out;
    }
}
