package org.affectiveprocesses.backbone.fan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The backbone's training losses on tensors.
 *
 * <p>Valence/arousal (Appendix A.2, Eq. 2): {@code L = 0.5 · MSE + (1 − mean CCC) + CE_emotion +
 * CE_valence-bins + CE_arousal-bins}, where
 * <ul>
 *   <li>MSE is the mean over the batch and both dimensions of (ŷ − y)²;</li>
 *   <li>CCC is Lin's concordance of each dimension over the batch (population moments), the
 *       denominator plus 1e-8 so that a constant batch gives 0 rather than NaN;</li>
 *   <li>CE_emotion is the mean softmax cross-entropy over the images that carry an emotion label
 *       (label −1 marks none, as for SEWA in the paper; 0 when no image in the batch has one);</li>
 *   <li>the bin targets divide [-1, 1] uniformly into {@code bins} bins: bin = ⌊(y + 1) / 2 ·
 *       bins⌋, clipped to [0, bins − 1]; CE_v and CE_a are mean softmax cross-entropies.</li>
 * </ul>
 * Action Units and landmark heatmaps: the mean squared error.
 */
public final class FanLosses {
    /** λ of the MSE term. */
    public static final float MSE_WEIGHT = 0.5f;
    private static final float CCC_EPSILON = 1e-8f;

    private FanLosses() {
    }

    /**
     * The bin of a normalised value.
     *
     * @param value a value in [-1, 1] (values outside are clipped)
     * @param bins the number of uniform bins over [-1, 1]
     */
    public static int bin(float value, int bins) {
        int b = (int) Math.floor((value + 1.0) / 2.0 * bins);
        return Math.max(0, Math.min(bins - 1, b));
    }

    /** The mean squared error over all elements. */
    public static NDArray mse(NDArray prediction, NDArray target) {
        return prediction.sub(target).square().mean();
    }

    /**
     * 1 − the mean over columns of the concordance correlation between prediction and target
     * columns ({@code [N, d]} each).
     */
    public static NDArray cccLoss(NDArray prediction, NDArray target) {
        NDArray mp = prediction.mean(new int[] {0}, true);
        NDArray mt = target.mean(new int[] {0}, true);
        NDArray dp = prediction.sub(mp);
        NDArray dt = target.sub(mt);
        NDArray cov = dp.mul(dt).mean(new int[] {0});
        NDArray vp = dp.square().mean(new int[] {0});
        NDArray vt = dt.square().mean(new int[] {0});
        NDArray gap = mp.sub(mt).square().reshape(-1);
        NDArray ccc = cov.mul(2).div(vp.add(vt).add(gap).add(CCC_EPSILON));
        return ccc.mean().neg().add(1);
    }

    /**
     * The mean softmax cross-entropy of the rows whose class is not negative.
     *
     * @param logits {@code [N, k]} logits
     * @param classes N class indices in [0, k), or −1 for rows without a label
     * @return a scalar; 0 if no row has a label
     */
    public static NDArray crossEntropy(NDArray logits, int[] classes) {
        int n = classes.length;
        int k = (int) logits.getShape().get(1);
        float[] oneHot = new float[n * k];
        int labelled = 0;
        for (int i = 0; i < n; i++) {
            if (classes[i] >= 0) {
                if (classes[i] >= k) {
                    throw new IllegalArgumentException("class " + classes[i] + " of row " + i + " is outside [0, " + k
                            + ")");
                }
                oneHot[i * k + classes[i]] = 1f;
                labelled++;
            }
        }
        NDManager m = logits.getManager();
        NDArray target = m.create(oneHot, new Shape(n, k));
        return logits.logSoftmax(1).mul(target).sum().neg().div(Math.max(1, labelled));
    }

    /**
     * The paper's multi-task valence/arousal loss.
     *
     * @param heads the head outputs: regression {@code [N, 2]}, emotion, valence-bin and
     *     arousal-bin logits
     * @param labels {@code [N, 2]} normalised valence and arousal, row-major
     * @param emotions N emotion classes, −1 where unknown
     * @param bins the number of bins per dimension
     * @return the scalar loss and its five terms: {@code [total, mse, ccc, ceEmotion, ceValence, ceArousal]}
     */
    public static NDList multiTask(NDList heads, float[] labels, int[] emotions, int bins) {
        NDArray regression = heads.get(0);
        int n = emotions.length;
        NDArray y = regression.getManager().create(labels, new Shape(n, 2));
        int[] vBins = new int[n];
        int[] aBins = new int[n];
        for (int i = 0; i < n; i++) {
            vBins[i] = bin(labels[2 * i], bins);
            aBins[i] = bin(labels[2 * i + 1], bins);
        }
        NDArray mse = mse(regression, y);
        NDArray ccc = cccLoss(regression, y);
        NDArray emo = crossEntropy(heads.get(1), emotions);
        NDArray ceV = crossEntropy(heads.get(2), vBins);
        NDArray ceA = crossEntropy(heads.get(3), aBins);
        NDArray total = mse.mul(MSE_WEIGHT).add(ccc).add(emo).add(ceV).add(ceA);
        return new NDList(total, mse, ccc, emo, ceV, ceA);
    }
}
