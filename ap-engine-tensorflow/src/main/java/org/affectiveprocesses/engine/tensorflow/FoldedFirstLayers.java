package org.affectiveprocesses.engine.tensorflow;

import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.ApWeights;
import org.affectiveprocesses.core.model.InferenceFolds;

/**
 * The first layers of the encoder(s) and the decoder, as {@link InferenceFolds} computes them,
 * laid out for the test-time graph (the same functions, less work per window):
 *
 * <ul>
 *   <li>the label upsampling U is folded into an encoder's first layer: W₀[x, Uŷ + b_u] + b₀ =
 *       W₀ₓx + (W₀ᵧU)ŷ + (W₀ᵧb_u + b₀), so the encoder reads ŷ through an H × dy matrix;
 *   <li>the x parts of the first layers of the encoder, the deterministic encoder and the decoder
 *       are stacked into one [branches·H, dx] matrix, so one product per frame serves them all;
 *   <li>the decoder's first layer is split into its x, z and deterministic-path columns, so z is
 *       multiplied once per window rather than once per frame.
 * </ul>
 */
final class FoldedFirstLayers {
    /** [branches·H, dx]: encoder, (deterministic encoder,) decoder x columns. */
    final float[] stackedX;
    /** [branches·H]: the encoders' folded biases, 0 for the decoder's rows. */
    final float[] stackedBias;
    /** Number of stacked branches: 2, or 3 with a deterministic path. */
    final int branches;
    /** [H, dy] encoder label weights W₀ᵧU, or null without pseudo-labels. */
    final float[] encoderLabels;
    /** [H, dy] deterministic encoder label weights, or null. */
    final float[] detEncoderLabels;
    /** [H, Z] decoder z columns. */
    final float[] decoderZ;
    /** [H, Z] decoder deterministic-path columns, or null. */
    final float[] decoderDet;
    /** [H] decoder bias. */
    final float[] decoderBias;

    FoldedFirstLayers(ApWeights w) {
        ApModelSpec spec = w.spec();
        ApArchitecture a = spec.architecture();
        int dx = spec.featureSize();
        int h = a.hiddenSize();
        boolean det = a.variant().hasDeterministicPath();
        boolean labelled = a.usePseudoLabels();
        InferenceFolds folds = InferenceFolds.of(w);
        branches = det ? 3 : 2;
        stackedX = new float[branches * h * dx];
        stackedBias = new float[branches * h];
        // without pseudo-labels the ŷ columns are zero and the graph skips them
        float[] labels = split(folds.encoderFirst(), folds.encoderFirstBias(), 0, spec);
        encoderLabels = labelled ? labels : null;
        float[] detLabels = det ? split(folds.detEncoderFirst(), folds.detEncoderFirstBias(), 1, spec) : null;
        detEncoderLabels = labelled ? detLabels : null;
        split(folds.decoderX(), new float[h], branches - 1, spec);
        decoderZ = folds.decoderZ();
        decoderDet = folds.decoderDet();
        decoderBias = folds.decoderXBias();
    }

    /**
     * Copies the x columns and the bias of a first layer on [x, ŷ] into branch {@code branch} of
     * the stacked arrays and returns its ŷ columns [H, dy].
     */
    private float[] split(float[] onRows, float[] bias, int branch, ApModelSpec spec) {
        int dx = spec.featureSize();
        int dy = spec.labelSize();
        int h = spec.architecture().hiddenSize();
        float[] labels = new float[h * dy];
        for (int o = 0; o < h; o++) {
            System.arraycopy(onRows, o * (dx + dy), stackedX, (branch * h + o) * dx, dx);
            System.arraycopy(onRows, o * (dx + dy) + dx, labels, o * dy, dy);
        }
        System.arraycopy(bias, 0, stackedBias, branch * h, h);
        return labels;
    }
}
