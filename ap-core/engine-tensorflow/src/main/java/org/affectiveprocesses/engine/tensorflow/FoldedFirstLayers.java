package org.affectiveprocesses.engine.tensorflow;

import static org.affectiveprocesses.core.model.ApModelSpec.bias;
import static org.affectiveprocesses.core.model.ApModelSpec.layer;
import static org.affectiveprocesses.core.model.ApModelSpec.weight;

import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.ApWeights;

/**
 * The first layers of the encoder(s) and the decoder rearranged once, in Java, for the test-time
 * graph (the same functions, less work per window):
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
        int z = a.latentSize();
        boolean det = a.variant().hasDeterministicPath();
        branches = det ? 3 : 2;
        stackedX = new float[branches * h * dx];
        stackedBias = new float[branches * h];
        encoderLabels = fold(w, ApModelSpec.ENCODER, 0);
        detEncoderLabels = det ? fold(w, ApModelSpec.DET_ENCODER, 1) : null;
        float[] dec = w.get(weight(layer(ApModelSpec.DECODER, 0)));
        int decIn = spec.decoderInputSize();
        int decRow = (branches - 1) * h;
        decoderZ = new float[h * z];
        decoderDet = det ? new float[h * z] : null;
        for (int o = 0; o < h; o++) {
            System.arraycopy(dec, o * decIn, stackedX, (decRow + o) * dx, dx);
            System.arraycopy(dec, o * decIn + dx, decoderZ, o * z, z);
            if (det) {
                System.arraycopy(dec, o * decIn + dx + z, decoderDet, o * z, z);
            }
        }
        decoderBias = w.get(bias(layer(ApModelSpec.DECODER, 0)));
    }

    /**
     * Writes branch {@code branch}'s x columns and folded bias into the stacked arrays and returns
     * its label weights W₀ᵧU (null without pseudo-labels).
     */
    private float[] fold(ApWeights w, String prefix, int branch) {
        ApModelSpec spec = w.spec();
        int dx = spec.featureSize();
        int dy = spec.labelSize();
        int h = spec.architecture().hiddenSize();
        float[] w0 = w.get(weight(layer(prefix, 0)));
        float[] b0 = w.get(bias(layer(prefix, 0)));
        if (!spec.architecture().usePseudoLabels()) {
            System.arraycopy(w0, 0, stackedX, branch * h * dx, h * dx);
            System.arraycopy(b0, 0, stackedBias, branch * h, h);
            return null;
        }
        float[] up = w.get(weight(ApModelSpec.LABEL_UPSAMPLE));
        float[] upBias = w.get(bias(ApModelSpec.LABEL_UPSAMPLE));
        float[] labels = new float[h * dy];
        int in = 2 * dx;
        for (int o = 0; o < h; o++) {
            System.arraycopy(w0, o * in, stackedX, (branch * h + o) * dx, dx);
            double b = b0[o];
            double[] acc = new double[dy];
            for (int i = 0; i < dx; i++) {
                double wy = w0[o * in + dx + i];
                b += wy * upBias[i];
                for (int d = 0; d < dy; d++) {
                    acc[d] += wy * up[i * dy + d];
                }
            }
            stackedBias[branch * h + o] = (float) b;
            for (int d = 0; d < dy; d++) {
                labels[o * dy + d] = (float) acc[d];
            }
        }
        return labels;
    }
}
