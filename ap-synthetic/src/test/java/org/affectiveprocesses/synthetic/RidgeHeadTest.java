package org.affectiveprocesses.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.metrics.Metric;
import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.junit.jupiter.api.Test;

class RidgeHeadTest {
    private static final double[][] TRUE_W = {{0.5, -0.25, 0.0, 0.1}, {0.0, 0.3, -0.2, 0.05}};
    private static final double[] TRUE_B = {0.1, -0.2};

    /** Rows x ~ N(0, I) (plus a mean of 3), y = W x + b + noise. */
    private static float[][][] data(int n, double noise, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[n][4];
        float[][] y = new float[n][2];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < 4; i++) {
                x[t][i] = (float) (3.0 + r.nextGaussian());
            }
            for (int d = 0; d < 2; d++) {
                double s = TRUE_B[d];
                for (int i = 0; i < 4; i++) {
                    s += TRUE_W[d][i] * (x[t][i] - 3.0);
                }
                y[t][d] = (float) (s + noise * r.nextGaussian());
            }
        }
        return new float[][][] {x, y};
    }

    @Test
    void recoversALinearMapWithASmallPenalty() {
        float[][][] train = data(2000, 0.0, 1);
        RidgeHead head = RidgeHead.fit(train[0], train[1], 1e-9);
        double[][] w = head.weights();
        for (int d = 0; d < 2; d++) {
            for (int i = 0; i < 4; i++) {
                assertThat(w[d][i]).isCloseTo(TRUE_W[d][i], within(1e-5));
            }
            // intercept absorbs the feature mean of 3
            double b = TRUE_B[d];
            for (int i = 0; i < 4; i++) {
                b -= TRUE_W[d][i] * 3.0;
            }
            assertThat(head.bias()[d]).isCloseTo(b, within(1e-4));
        }
        assertThat(head.lambda()).isEqualTo(1e-9);
        assertThat(head.validationScore()).isNaN();
        assertThat(head.featureSize()).isEqualTo(4);
        assertThat(head.labelSize()).isEqualTo(2);
    }

    @Test
    void aLargePenaltyShrinksTheWeights() {
        float[][][] train = data(2000, 0.1, 2);
        double small = norm(RidgeHead.fit(train[0], train[1], 1e-3).weights());
        double large = norm(RidgeHead.fit(train[0], train[1], 10.0).weights());
        assertThat(large).isLessThan(0.2 * small);
    }

    @Test
    void predictionsAreClippedToTheNormalisedRange() {
        float[][][] train = data(500, 0.0, 3);
        RidgeHead head = RidgeHead.fit(train[0], train[1], 1e-6);
        float[] far = {100f, 3f, 3f, 3f};
        assertThat(head.predict(far)[0]).isEqualTo(1f);
        float[] near = {3.2f, 3f, 3f, 3f};
        assertThat((double) head.predict(near)[0]).isCloseTo(0.1 + 0.5 * 0.2, within(1e-4));
    }

    @Test
    void selectsThePenaltyOnValidationData() {
        // few noisy training rows, many features: a strong penalty generalises better
        Random r = new Random(4);
        int dx = 40;
        float[][][] sets = new float[4][][];
        int[] sizes = {30, 30, 400, 400};
        for (int s = 0; s < 2; s++) {
            float[][] x = new float[sizes[s * 2]][dx];
            float[][] y = new float[sizes[s * 2]][1];
            for (int t = 0; t < x.length; t++) {
                double sum = 0;
                for (int i = 0; i < dx; i++) {
                    x[t][i] = (float) r.nextGaussian();
                    sum += x[t][i];
                }
                y[t][0] = (float) (0.05 * sum + 0.3 * r.nextGaussian());
            }
            sets[s * 2] = x;
            sets[s * 2 + 1] = y;
        }
        // sets: [0] train x, [1] train y, [2] validation x, [3] validation y
        RidgeHead head = RidgeHead.fit(sets[0], sets[1], sets[2], sets[3], Metric.MSE,
                List.of(1e-6, 1.0));
        assertThat(head.lambda()).isEqualTo(1.0);
        RidgeHead byCcc = RidgeHead.fit(sets[0], sets[1], sets[2], sets[3], Metric.CCC,
                List.of(1e-6, 1.0));
        assertThat(byCcc.validationScore()).isFinite();
        assertThat(head.validationScore()).isPositive();
    }

    @Test
    void fittingIsDeterministic() {
        float[][][] train = data(3000, 0.2, 5);
        float[][][] val = data(500, 0.2, 6);
        RidgeHead a = RidgeHead.fit(train[0], train[1], val[0], val[1], Metric.CCC, RidgeHead.DEFAULT_LAMBDAS);
        RidgeHead b = RidgeHead.fit(train[0], train[1], val[0], val[1], Metric.CCC, RidgeHead.DEFAULT_LAMBDAS);
        assertThat(b.weights()).isEqualTo(a.weights());
        assertThat(b.bias()).isEqualTo(a.bias());
        assertThat(b.lambda()).isEqualTo(a.lambda());
        assertThat(RidgeHead.DEFAULT_LAMBDAS).contains(a.lambda());
    }

    /** Rows of dx standard normal features with a mean of 1 and dy noisy linear targets. */
    private static float[][][] wide(int n, int dx, int dy, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[n][dx];
        float[][] y = new float[n][dy];
        for (int t = 0; t < n; t++) {
            double s = 0;
            for (int i = 0; i < dx; i++) {
                x[t][i] = (float) (1.0 + r.nextGaussian());
                s += (i % 3 - 1) * x[t][i];
            }
            for (int d = 0; d < dy; d++) {
                y[t][d] = (float) (0.05 * s * (d + 1) + 0.5 * r.nextGaussian());
            }
        }
        return new float[][][] {x, y};
    }

    @Test
    void matchesTheAugmentedLeastSquaresSolution() {
        // (1/n) Σ ||y - W x - b||² + λ v̄ ||W||² is ordinary least squares on the centred rows
        // stacked over sqrt(n λ v̄) I (targets 0): solved here by QR, independently of the head
        int n = 1000;
        int dx = 120;
        int dy = 2;
        double lambda = 0.05;
        float[][][] data = wide(n, dx, dy, 12);
        RidgeHead head = RidgeHead.fit(data[0], data[1], lambda);
        double[] meanX = new double[dx];
        double[] meanY = new double[dy];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < dx; i++) {
                meanX[i] += data[0][t][i] / (double) n;
            }
            for (int d = 0; d < dy; d++) {
                meanY[d] += data[1][t][d] / (double) n;
            }
        }
        double meanVariance = 0;
        DMatrixRMaj a = new DMatrixRMaj(n + dx, dx);
        DMatrixRMaj b = new DMatrixRMaj(n + dx, dy);
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < dx; i++) {
                double c = data[0][t][i] - meanX[i];
                a.set(t, i, c);
                meanVariance += c * c / ((double) n * dx);
            }
            for (int d = 0; d < dy; d++) {
                b.set(t, d, data[1][t][d] - meanY[d]);
            }
        }
        double root = Math.sqrt(n * lambda * meanVariance);
        for (int i = 0; i < dx; i++) {
            a.set(n + i, i, root);
        }
        LinearSolverDense<DMatrixRMaj> qr = LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
        assertThat(qr.setA(a)).isTrue();
        DMatrixRMaj wt = new DMatrixRMaj(dx, dy);
        qr.solve(b, wt);
        double[][] w = head.weights();
        double diff = 0;
        double norm = 0;
        for (int d = 0; d < dy; d++) {
            double bias = meanY[d];
            for (int i = 0; i < dx; i++) {
                diff += (w[d][i] - wt.get(i, d)) * (w[d][i] - wt.get(i, d));
                norm += wt.get(i, d) * wt.get(i, d);
                bias -= wt.get(i, d) * meanX[i];
            }
            assertThat(head.bias()[d]).isCloseTo(bias, within(1e-9 * Math.max(1, Math.abs(bias))));
        }
        assertThat(Math.sqrt(diff / norm)).isLessThan(1e-9);
    }

    @Test
    void fittingGivesTheSameHeadOnAnyNumberOfThreads() {
        float[][][] train = wide(900, 150, 2, 13);
        float[][][] val = wide(300, 150, 2, 14);
        try {
            EjmlConcurrency.setMaxThreads(1);
            RidgeHead one = RidgeHead.fit(train[0], train[1], val[0], val[1], Metric.CCC, RidgeHead.DEFAULT_LAMBDAS);
            EjmlConcurrency.setMaxThreads(4);
            RidgeHead four = RidgeHead.fit(train[0], train[1], val[0], val[1], Metric.CCC, RidgeHead.DEFAULT_LAMBDAS);
            assertThat(four.weights()).isEqualTo(one.weights());
            assertThat(four.bias()).isEqualTo(one.bias());
            assertThat(four.lambda()).isEqualTo(one.lambda());
        } finally {
            EjmlConcurrency.setMaxThreads(Runtime.getRuntime().availableProcessors());
        }
    }

    @Test
    void accessorsReturnCopies() {
        float[][][] train = data(100, 0.1, 7);
        RidgeHead head = RidgeHead.fit(train[0], train[1], 0.1);
        head.weights()[0][0] = 99;
        head.bias()[0] = 99;
        assertThat(head.weights()[0][0]).isNotEqualTo(99);
        assertThat(head.bias()[0]).isNotEqualTo(99);
    }

    @Test
    void predictsAndRelabelsSequences() {
        float[][][] train = data(400, 0.1, 8);
        RidgeHead head = RidgeHead.fit(train[0], train[1], 0.01);
        AffectSequence.Builder b = AffectSequence.builder("v", LabelSpace.valenceArousal(), 4);
        b.addFrame(train[0][0], new float[] {0f, 0f}, train[1][0]);
        b.addInvalidFrame(1.0);
        AffectSequence s = b.build();
        float[][] p = head.predict(s);
        assertThat(p[0]).isEqualTo(head.predict(train[0][0]));
        assertThat(p[1]).containsExactly(0f, 0f);
        AffectSequence relabelled = head.relabel(s);
        assertThat(relabelled.pseudoLabels(0)).isEqualTo(p[0]);
        AffectSequence wrong = AffectSequence.of("w", LabelSpace.valenceArousal(),
                new float[][] {{1f, 2f}}, new float[][] {{0f, 0f}}, null);
        assertThatThrownBy(() -> head.predict(wrong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'w'");
        assertThatThrownBy(() -> head.predict(new float[3])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 features");
    }

    @Test
    void fitsOnDatasetsUsingOnlyValidFullyLabelledFrames() {
        float[][][] train = data(600, 0.05, 9);
        float[][][] val = data(200, 0.05, 10);
        SequenceDataset trainSet = dataset("train", train, true);
        SequenceDataset valSet = dataset("val", val, false);
        RidgeHead head = RidgeHead.fit(trainSet, valSet, 10_000);
        assertThat(head.weights()[0][0]).isCloseTo(0.5, within(0.02));
        assertThat(head.validationScore()).isGreaterThan(0.9);
        // a cap on frames still fits
        assertThat(RidgeHead.fit(trainSet, valSet, 50).weights()[0][0]).isCloseTo(0.5, within(0.1));
        SequenceDataset other = SequenceDataset.of("au", List.of(AffectSequence.of("a",
                LabelSpace.bp4d(), new float[][] {{1f, 2f, 3f, 4f}, {1f, 2f, 3f, 4f}},
                new float[][] {new float[5], new float[5]}, null)));
        assertThatThrownBy(() -> RidgeHead.fit(trainSet, other, 100))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RidgeHead.fit(trainSet, valSet, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxFrames");
    }

    @Test
    void rejectsBadInput() {
        float[][][] train = data(10, 0.1, 11);
        assertThatThrownBy(() -> RidgeHead.fit(train[0], train[1], 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("penalty");
        assertThatThrownBy(() -> RidgeHead.fit(train[0], train[1], Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RidgeHead.fit(new float[][] {{1f}}, new float[][] {{1f}}, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
        float[][] ragged = {{1f, 2f, 3f, 4f}, {1f, 2f}};
        assertThatThrownBy(() -> RidgeHead.fit(ragged, new float[][] {{0f, 0f}, {0f, 0f}}, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
        float[][] nan = {{1f, Float.NaN, 3f, 4f}, {1f, 2f, 3f, 4f}};
        assertThatThrownBy(() -> RidgeHead.fit(nan, new float[][] {{0f, 0f}, {0f, 0f}}, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> RidgeHead.fit(train[0], new float[3][2], 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target rows");
        assertThatThrownBy(() -> RidgeHead.fit(train[0], train[1], train[0], train[1], Metric.CCC, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> RidgeHead.fit(train[0], train[1], train[0], train[1], Metric.CCC,
                List.of(-1.0))).isInstanceOf(IllegalArgumentException.class);
    }

    private static double noiseFree(float[] x, int d) {
        double s = TRUE_B[d];
        for (int i = 0; i < x.length; i++) {
            s += TRUE_W[d][i] * (x[i] - 3.0);
        }
        return s;
    }

    private static SequenceDataset dataset(String name, float[][][] rows, boolean withGaps) {
        List<AffectSequence> seqs = new ArrayList<>();
        int per = 100;
        for (int s = 0; s * per < rows[0].length; s++) {
            AffectSequence.Builder b = AffectSequence.builder(name + s, LabelSpace.valenceArousal(), 4);
            for (int t = s * per; t < Math.min(rows[0].length, (s + 1) * per); t++) {
                // labels live in [-1, 1]: frames whose noise-free label lies beyond ±0.8 stay unlabelled
                // (chosen by the features, not the labels, so the fit stays unbiased)
                boolean inside = Math.abs(noiseFree(rows[0][t], 0)) <= 0.8 && Math.abs(noiseFree(rows[0][t], 1)) <= 0.8;
                b.addFrame(t / 30.0, rows[0][t], new float[] {0f, 0f},
                        inside ? rows[1][t] : new float[] {Float.NaN, Float.NaN});
                if (withGaps && t % 10 == 0) {
                    // an unlabelled frame with wild features and an invalid frame: both ignored
                    b.addFrame(t / 30.0 + 0.001, new float[] {1e3f, -1e3f, 1e3f, 1e3f},
                            new float[] {0f, 0f}, new float[] {Float.NaN, 0.5f});
                    b.addInvalidFrame(t / 30.0 + 0.002);
                }
            }
            seqs.add(b.build());
        }
        return SequenceDataset.of(name, seqs);
    }

    private static double norm(double[][] w) {
        double s = 0;
        for (double[] row : w) {
            for (double v : row) {
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }
}
