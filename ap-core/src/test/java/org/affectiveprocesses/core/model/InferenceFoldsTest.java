package org.affectiveprocesses.core.model;

import static org.affectiveprocesses.core.model.ApReference.affine;
import static org.affectiveprocesses.core.model.ApReference.concat;
import static org.affectiveprocesses.core.model.ApReference.norm;
import static org.affectiveprocesses.core.model.ApReference.relu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.ApVariant;
import org.affectiveprocesses.api.LabelSpace;
import org.junit.jupiter.api.Test;
import org.affectiveprocesses.io.TensorSpec;

/**
 * The folded matrices, composed in plain Java, give the reference model's test-time outputs:
 * every fold is exact algebra, so only float rounding separates them.
 */
class InferenceFoldsTest {
    private static final int DX = 6;
    private static final int L = 9;

    @Test
    void foldedForwardMatchesTheReference() {
        ApModelSpec spec = new ApModelSpec(ApArchitecture.paper().withSizes(5, 4), DX, LabelSpace.valenceArousal());
        ApWeights w = randomWeights(spec, 1);
        double[][] x = gaussianRows(L, DX, 2);
        double[][] y = gaussianRows(L, 2, 3);
        int[] context = {0, 2, 3, 7};
        ApReference.WindowResult ref = new ApReference(w).predict(x, y, context, new double[0][]);

        InferenceFolds f = InferenceFolds.of(w);
        double[][] h2 = new double[L][];
        for (int t = 0; t < L; t++) {
            double[] row = concat(x[t], y[t]);
            h2[t] = relu(affine(w.get("encoder.1.weight"), w.get("encoder.1.bias"),
                    relu(affine(f.encoderFirst(), f.encoderFirstBias(), row))));
            double[] sigma = sigma(w, relu(affine(f.latentIn(), f.latentInBias(), h2[t])), spec);
            assertThat(norm(sigma)).as("‖σ‖ of frame %d", t).isCloseTo(ref.frameSigmaNorms()[t], within(1e-5));
        }
        double[] meanH2 = new double[h2[0].length];
        for (int c : context) {
            for (int k = 0; k < meanH2.length; k++) {
                meanH2[k] += h2[c][k] / context.length;
            }
        }
        double[] shared = relu(affine(f.latentIn(), f.latentInBias(), meanH2));
        double[] zPart = affine(f.decoderFromShared(), f.decoderFromSharedBias(), shared);
        for (int t = 0; t < L; t++) {
            double[] hid = affine(f.decoderX(), f.decoderXBias(), concat(x[t], y[t]));
            for (int k = 0; k < hid.length; k++) {
                hid[k] = Math.max(0, hid[k] + zPart[k]);
            }
            hid = relu(affine(w.get("decoder.1.weight"), w.get("decoder.1.bias"), hid));
            hid = relu(affine(w.get("decoder.2.weight"), w.get("decoder.2.bias"), hid));
            double[] out = affine(w.get("decoder.3.weight"), w.get("decoder.3.bias"), hid);
            assertThat(out[0]).as("valence mean, frame %d", t).isCloseTo(ref.mean()[t][0], within(1e-5));
            assertThat(out[1]).as("arousal mean, frame %d", t).isCloseTo(ref.mean()[t][1], within(1e-5));
        }
    }

    @Test
    void withoutPseudoLabelsTheLabelColumnsAreZero() {
        ApModelSpec spec = new ApModelSpec(ApArchitecture.paper().withSizes(5, 4).withPseudoLabels(false), DX,
                LabelSpace.valenceArousal());
        InferenceFolds f = InferenceFolds.of(randomWeights(spec, 4));
        float[] first = f.encoderFirst();
        float[] encoder0 = randomWeights(spec, 4).get("encoder.0.weight");
        for (int o = 0; o < 5; o++) {
            for (int i = 0; i < DX; i++) {
                assertThat(first[o * (DX + 2) + i]).isEqualTo(encoder0[o * DX + i]);
            }
            assertThat(first[o * (DX + 2) + DX]).isZero();
            assertThat(first[o * (DX + 2) + DX + 1]).isZero();
        }
    }

    @Test
    void deterministicPathColumnsOnlyWithThatPath() {
        ApModelSpec plain = new ApModelSpec(ApArchitecture.paper().withSizes(5, 4), DX, LabelSpace.valenceArousal());
        ApModelSpec det = new ApModelSpec(ApArchitecture.paper().withSizes(5, 4)
                .withVariant(ApVariant.LATENT_DETERMINISTIC), DX, LabelSpace.valenceArousal());
        assertThat(InferenceFolds.of(randomWeights(plain, 5)).decoderDet()).isNull();
        assertThat(InferenceFolds.of(randomWeights(plain, 5)).detEncoderFirst()).isNull();
        ApWeights dw = randomWeights(det, 5);
        InferenceFolds f = InferenceFolds.of(dw);
        float[] dec = dw.get("decoder.0.weight");
        int decIn = det.decoderInputSize();
        assertThat(f.decoderDet()).hasSize(5 * 4);
        assertThat(f.decoderDet()[4 * 1 + 2]).isEqualTo(dec[decIn + DX + 4 + 2]);
        assertThat(f.decoderZ()[4 * 1 + 2]).isEqualTo(dec[decIn + DX + 2]);
    }

    private static ApWeights randomWeights(ApModelSpec spec, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, float[]> w = new HashMap<>();
        for (TensorSpec t : spec.parameters()) {
            float[] v = new float[t.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (0.5 * rng.nextGaussian());
            }
            w.put(t.name(), v);
        }
        return ApWeights.of(spec, w);
    }

    private static double[] sigma(ApWeights w, double[] shared, ApModelSpec spec) {
        double[] raw = affine(w.get("latent.sigma.weight"), w.get("latent.sigma.bias"), shared);
        double floor = spec.architecture().latentSigmaFloor();
        for (int k = 0; k < raw.length; k++) {
            raw[k] = floor + (1 - floor) / (1 + Math.exp(-raw[k]));
        }
        return raw;
    }

    private static double[][] gaussianRows(int n, int width, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] out = new double[n][width];
        for (double[] row : out) {
            for (int i = 0; i < width; i++) {
                row[i] = rng.nextGaussian();
            }
        }
        return out;
    }
}
