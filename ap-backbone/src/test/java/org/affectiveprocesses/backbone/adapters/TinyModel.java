package org.affectiveprocesses.backbone.adapters;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.affectiveprocesses.backbone.BackboneSpec;
import org.affectiveprocesses.backbone.ImageTensors;
import org.affectiveprocesses.backbone.Preprocessing;

/**
 * The tiny two-layer model every adapter test builds in its own format (and the TorchScript
 * fixture holds), computed directly in Java: features = flatten(x) W1ᵀ + b1 (6 values), va =
 * tanh(features W2ᵀ + b2) (2 values), on a [N, 3, 8, 8] input, with weights given by formulas.
 */
final class TinyModel {
    static final int SIDE = 8;
    static final int IN = 3 * SIDE * SIDE;
    static final int HID = 6;
    static final int OUT = 2;

    private TinyModel() {
    }

    static float w1(int i, int j) {
        return (float) (0.1 * Math.sin(0.37 * i + 0.11 * j));
    }

    static float b1(int i) {
        return (float) (0.01 * i);
    }

    static float w2(int i, int j) {
        return (float) (0.5 * Math.cos(0.5 * i + 0.3 * j));
    }

    static float b2(int i) {
        return (float) (-0.1 + 0.2 * i);
    }

    /** W1ᵀ as an [IN, HID] matrix. */
    static float[][] w1t() {
        float[][] m = new float[IN][HID];
        for (int j = 0; j < IN; j++) {
            for (int i = 0; i < HID; i++) {
                m[j][i] = w1(i, j);
            }
        }
        return m;
    }

    /** W2ᵀ as a [HID, OUT] matrix. */
    static float[][] w2t() {
        float[][] m = new float[HID][OUT];
        for (int j = 0; j < HID; j++) {
            for (int i = 0; i < OUT; i++) {
                m[j][i] = w2(i, j);
            }
        }
        return m;
    }

    static float[] b1() {
        float[] b = new float[HID];
        for (int i = 0; i < HID; i++) {
            b[i] = b1(i);
        }
        return b;
    }

    static float[] b2() {
        float[] b = new float[OUT];
        for (int i = 0; i < OUT; i++) {
            b[i] = b2(i);
        }
        return b;
    }

    /** The spec the tests use: input "input", outputs "features" and "va", 8 × 8 RGB in [0, 1]. */
    static BackboneSpec spec() {
        return BackboneSpec.of("input", "features", "va")
                .withPreprocessing(Preprocessing.of(SIDE).withMinFaceSize(4)).withBatchSize(3);
    }

    /** Features of one preprocessed image. */
    static float[] features(float[] x) {
        float[] f = new float[HID];
        for (int i = 0; i < HID; i++) {
            double s = b1(i);
            for (int j = 0; j < IN; j++) {
                s += (double) w1(i, j) * x[j];
            }
            f[i] = (float) s;
        }
        return f;
    }

    /** Pseudo-labels from features. */
    static float[] va(float[] f) {
        float[] y = new float[OUT];
        for (int i = 0; i < OUT; i++) {
            double s = b2(i);
            for (int j = 0; j < HID; j++) {
                s += (double) w2(i, j) * f[j];
            }
            y[i] = (float) Math.tanh(s);
        }
        return y;
    }

    /** The preprocessed input of one face under {@link #spec()}. */
    static float[] input(RgbImage face) {
        return ImageTensors.batch(List.of(face), spec().preprocessing(), "tiny");
    }

    /** Random faces of assorted sizes. */
    static List<RgbImage> faces(int n, long seed) {
        Random r = new Random(seed);
        List<RgbImage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int w = 8 + r.nextInt(20);
            int h = 8 + r.nextInt(20);
            byte[] px = new byte[w * h * 3];
            r.nextBytes(px);
            out.add(RgbImage.of(w, h, px));
        }
        return out;
    }
}
