package org.affectiveprocesses.charts;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.ContextWindow;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.evaluation.ContextStudy;
import org.affectiveprocesses.metrics.Metric;

/** A sequence with a prediction of two 70-frame windows, and a context study, made by hand. */
final class ChartFixtures {
    static final int FRAMES = 140;

    private ChartFixtures() {
    }

    static AffectSequence sequence() {
        AffectSequence.Builder b = AffectSequence.builder("video-7", LabelSpace.valenceArousal(), 3);
        for (int t = 0; t < FRAMES; t++) {
            float v = (float) (0.6 * Math.sin(t / 12.0));
            float a = (float) (0.4 * Math.cos(t / 9.0));
            float[] x = {v, a, 1};
            float[] pseudo = {v + (float) (0.25 * Math.sin(t * 1.7)), a + (float) (0.2 * Math.cos(t * 2.3))};
            if (t == 30) {
                b.addInvalidFrame(t / 30.0);
            } else {
                b.addFrame(t / 30.0, x, pseudo, t % 20 == 5 ? new float[] {Float.NaN, a} : new float[] {v, a});
            }
        }
        return b.build();
    }

    static Prediction prediction(AffectSequence s, int samples) {
        int n = s.length();
        float[] mean = new float[n * 2];
        float[] std = new float[n * 2];
        boolean[] predicted = new boolean[n];
        float[] draws = new float[samples * n * 2];
        for (int t = 0; t < n; t++) {
            predicted[t] = s.isValid(t);
            for (int d = 0; d < 2; d++) {
                float y = predicted[t] ? (float) (0.9 * (d == 0 ? 0.6 * Math.sin(t / 12.0) : 0.4 * Math.cos(t / 9.0))) : Float.NaN;
                mean[t * 2 + d] = y;
                std[t * 2 + d] = predicted[t] ? 0.12f : Float.NaN;
                for (int k = 0; k < samples; k++) {
                    draws[(k * n + t) * 2 + d] = predicted[t] ? y + (float) (0.1 * Math.sin(t / 15.0 + k)) : Float.NaN;
                }
            }
        }
        List<ContextWindow> windows = new ArrayList<>();
        for (int start = 0; start < n; start += 70) {
            int[] ctx = new int[40];
            for (int i = 0; i < 40; i++) {
                ctx[i] = start + (i * 7) % 70;
            }
            java.util.Arrays.sort(ctx);
            windows.add(new ContextWindow(start, 70, java.util.stream.IntStream.of(ctx).distinct().toArray()));
        }
        return new Prediction(s.id(), s.labelSpace(), mean, std, predicted, windows, samples, draws);
    }

    static ContextStudy.Result study() {
        int[] sizes = {10, 20, 30, 40, 50, 60};
        double[][][] scores = new double[3][sizes.length][2];
        for (int c = 0; c < sizes.length; c++) {
            for (int d = 0; d < 2; d++) {
                scores[0][c][d] = 0.62 + 0.01 * c - 0.002 * c * c + 0.01 * d;
                scores[1][c][d] = 0.60 + 0.004 * c;
                scores[2][c][d] = 0.50 + 0.015 * c;
            }
        }
        return new ContextStudy.Result(List.of("lowest-sigma", "random", "highest-sigma"), sizes,
                List.of("valence", "arousal"), Metric.CCC, scores,
                new double[][] {{0.9, 0.9, 0.9, 0.9, 0.9, 0.9}, {1, 1, 1, 1, 1, 1}, {1.1, 1.1, 1.1, 1.1, 1.1, 1.1}});
    }

    /** How many pixels are within a small distance of a colour. */
    static int pixelsNear(BufferedImage img, Color c) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int dr = ((rgb >> 16) & 0xFF) - c.getRed();
                int dg = ((rgb >> 8) & 0xFF) - c.getGreen();
                int db = (rgb & 0xFF) - c.getBlue();
                if (dr * dr + dg * dg + db * db < 400) {
                    n++;
                }
            }
        }
        return n;
    }
}
