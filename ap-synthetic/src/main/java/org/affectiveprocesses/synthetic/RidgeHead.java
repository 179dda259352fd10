package org.affectiveprocesses.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.metrics.Metric;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * A per-frame linear backbone head W: ridge regression from the features x<sub>t</sub> to the
 * normalised labels, {@code ŷ = clip(W x + b, -1, 1)}. Fitted once and then frozen, it plays the
 * role of the paper's backbone classifier: its outputs are the pseudo-labels ŷ<sub>t</sub>, and
 * its errors are those of a real (if simple) model.
 *
 * <p>The fit minimises {@code (1/n) Σ_t ||y_t - W x_t - b||² + λ v̄ ||W||²}, where {@code v̄} is
 * the mean per-feature variance of the training features, so that {@code λ} is scale-free. The
 * intercept is not penalised. The normal equations {@code (Σ_xx + λ v̄ I) Wᵀ = Σ_xy} (centred
 * second moments) are solved by a Cholesky factorisation in double precision, both with EJML
 * (the moments are summed over the rows in a fixed order of chunks, so they do not depend on
 * the number of threads EJML uses). When a validation
 * set is given, {@code λ} is chosen from a grid (by default {@link #DEFAULT_LAMBDAS}) as the value
 * with the best mean over dimensions of a metric (the label space's headline metric: CCC for
 * valence/arousal, ICC(3,1) for Action Units) of the clipped predictions on the validation
 * frames. Fitting is deterministic: the same data give bitwise the same head, whatever the number
 * of threads.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RidgeHead {
    /** The default grid of scale-free ridge penalties λ, searched in this order. */
    public static final List<Double> DEFAULT_LAMBDAS = List.of(1e-4, 1e-3, 1e-2, 0.1, 1.0);

    /** Rows per chunk of the second moments. */
    private static final int CHUNK = 256;

    private final int featureSize;
    private final int labelSize;
    private final double[] weights; // [labelSize][featureSize]
    private final double[] bias;
    private final double lambda;
    private final double validationScore;

    private RidgeHead(int featureSize, int labelSize, double[] weights, double[] bias, double lambda,
            double validationScore) {
        this.featureSize = featureSize;
        this.labelSize = labelSize;
        this.weights = weights;
        this.bias = bias;
        this.lambda = lambda;
        this.validationScore = validationScore;
    }

    /**
     * Fits a head with a fixed penalty.
     *
     * @param features training features, [frame][featureSize]; finite
     * @param targets training labels, [frame][labelSize], normalised; finite
     * @param lambda the scale-free ridge penalty (&gt; 0)
     * @return the fitted head ({@link #validationScore()} is {@code NaN})
     * @throws IllegalArgumentException if there are fewer than two frames, the rows are ragged,
     *     a value is not finite or {@code lambda} is not positive
     */
    public static RidgeHead fit(float[][] features, float[][] targets, double lambda) {
        requireLambda(lambda);
        Rows train = Rows.of(features, targets, "training");
        return solve(Moments.of(train), lambda, Double.NaN);
    }

    /**
     * Fits a head, choosing the penalty on a validation set.
     *
     * @param trainFeatures training features, [frame][featureSize]
     * @param trainTargets training labels, [frame][labelSize]
     * @param validationFeatures validation features, [frame][featureSize]
     * @param validationTargets validation labels, [frame][labelSize]
     * @param metric the selection metric, averaged over dimensions (e.g. {@link Metric#CCC})
     * @param lambdas the candidate penalties (each &gt; 0), e.g. {@link #DEFAULT_LAMBDAS}; ties
     *     go to the earlier candidate
     * @return the head with the best validation score
     * @throws IllegalArgumentException if the data are inconsistent or not finite, or the grid is
     *     empty or holds a non-positive value
     */
    public static RidgeHead fit(float[][] trainFeatures, float[][] trainTargets,
            float[][] validationFeatures, float[][] validationTargets, Metric metric,
            List<Double> lambdas) {
        Rows train = Rows.of(trainFeatures, trainTargets, "training");
        Rows validation = Rows.of(validationFeatures, validationTargets, "validation");
        return fitSelecting(train, validation, metric, lambdas);
    }

    /**
     * Fits a head on the ground truth of a training dataset, choosing the penalty from {@link
     * #DEFAULT_LAMBDAS} by the label space's headline metric on a validation dataset. Only valid
     * frames with every dimension annotated are used; when there are more than {@code maxFrames}
     * of them in a dataset, {@code maxFrames} evenly spaced ones are taken.
     *
     * @param train the training split
     * @param validation the validation split (same label space and feature size)
     * @param maxFrames the most frames used from each dataset (&ge; 2)
     * @return the fitted head
     * @throws IllegalArgumentException if the datasets disagree or have fewer than two usable
     *     frames
     */
    public static RidgeHead fit(SequenceDataset train, SequenceDataset validation, int maxFrames) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        if (!train.labelSpace().equals(validation.labelSpace())
                || train.featureSize() != validation.featureSize()) {
            throw new IllegalArgumentException("training set " + train.name() + " and validation set "
                    + validation.name() + " differ in label space or feature size");
        }
        if (maxFrames < 2) {
            throw new IllegalArgumentException("maxFrames must be at least 2, got " + maxFrames);
        }
        return fitSelecting(Rows.of(train, maxFrames), Rows.of(validation, maxFrames),
                train.labelSpace().headlineMetric(), DEFAULT_LAMBDAS);
    }

    /** Fits with penalty selection on flat row-major data. */
    static RidgeHead fitSelecting(Rows train, Rows validation, Metric metric, List<Double> lambdas) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(lambdas, "lambdas");
        if (lambdas.isEmpty()) {
            throw new IllegalArgumentException("the grid of ridge penalties is empty");
        }
        for (Double l : lambdas) {
            requireLambda(l == null ? Double.NaN : l);
        }
        if (train.dx != validation.dx || train.dy != validation.dy) {
            throw new IllegalArgumentException("training rows have " + train.dx + " features and "
                    + train.dy + " labels, validation rows " + validation.dx + " and " + validation.dy);
        }
        Moments moments = Moments.of(train);
        List<RidgeHead> heads = IntStream.range(0, lambdas.size()).parallel()
                .mapToObj(i -> {
                    RidgeHead h = solve(moments, lambdas.get(i), Double.NaN);
                    return h.withScore(h.score(validation, metric));
                })
                .toList();
        RidgeHead best = null;
        for (RidgeHead h : heads) {
            if (Double.isNaN(h.validationScore)) {
                continue;
            }
            if (best == null || (metric.higherIsBetter()
                    ? h.validationScore > best.validationScore
                    : h.validationScore < best.validationScore)) {
                best = h;
            }
        }
        // every score undefined (e.g. constant validation labels): keep the strongest penalty
        return best != null ? best : heads.get(heads.size() - 1);
    }

    /**
     * The head's prediction for one frame, clipped to [-1, 1].
     *
     * @param x the frame's features (length {@link #featureSize()})
     * @return the pseudo-label (length {@link #labelSize()})
     * @throws IllegalArgumentException if {@code x} has the wrong length
     */
    public float[] predict(float[] x) {
        Objects.requireNonNull(x, "x");
        if (x.length != featureSize) {
            throw new IllegalArgumentException("the head expects " + featureSize + " features, got "
                    + x.length);
        }
        float[] out = new float[labelSize];
        predict(x, 0, out, 0);
        return out;
    }

    /**
     * The head's predictions for every frame of a sequence; invalid frames get zeros.
     *
     * @param sequence a sequence with this head's feature size and label size
     * @return the pseudo-labels, [frame][labelSize]
     * @throws IllegalArgumentException if the sizes differ
     */
    public float[][] predict(AffectSequence sequence) {
        checkSizes(sequence);
        float[][] out = new float[sequence.length()][labelSize];
        float[] x = new float[featureSize];
        for (int t = 0; t < sequence.length(); t++) {
            if (sequence.isValid(t)) {
                sequence.copyFeatures(t, x, 0);
                predict(x, 0, out[t], 0);
            }
        }
        return out;
    }

    /**
     * A copy of the sequence whose pseudo-labels are this head's predictions.
     *
     * @param sequence a sequence with this head's feature size and label size
     * @return the relabelled copy
     * @throws IllegalArgumentException if the sizes differ
     */
    public AffectSequence relabel(AffectSequence sequence) {
        return sequence.withPseudoLabels(predict(sequence));
    }

    /**
     * The weights W.
     *
     * @return a copy, [labelSize][featureSize]
     */
    public double[][] weights() {
        double[][] w = new double[labelSize][];
        for (int d = 0; d < labelSize; d++) {
            w[d] = Arrays.copyOfRange(weights, d * featureSize, (d + 1) * featureSize);
        }
        return w;
    }

    /**
     * The intercept b.
     *
     * @return a copy, length {@link #labelSize()}
     */
    public double[] bias() {
        return bias.clone();
    }

    /**
     * The scale-free ridge penalty the head was fitted with.
     *
     * @return λ
     */
    public double lambda() {
        return lambda;
    }

    /**
     * The validation score that chose {@link #lambda()} (mean over dimensions of the selection
     * metric).
     *
     * @return the score, or {@code NaN} if the head was fitted without validation data
     */
    public double validationScore() {
        return validationScore;
    }

    /**
     * The feature size dx the head reads.
     *
     * @return dx
     */
    public int featureSize() {
        return featureSize;
    }

    /**
     * The label size dy the head predicts.
     *
     * @return dy
     */
    public int labelSize() {
        return labelSize;
    }

    @Override
    public String toString() {
        return "RidgeHead[dx " + featureSize + ", dy " + labelSize + ", lambda " + lambda
                + ", validation " + validationScore + "]";
    }

    /** Predicts one row of {@code src} at {@code srcOffset} into {@code dst} at {@code dstOffset}. */
    void predict(float[] src, int srcOffset, float[] dst, int dstOffset) {
        for (int d = 0; d < labelSize; d++) {
            int w = d * featureSize;
            // four partial sums in a fixed order: faster, and still deterministic
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int i = 0;
            for (; i + 4 <= featureSize; i += 4) {
                s0 += weights[w + i] * src[srcOffset + i];
                s1 += weights[w + i + 1] * src[srcOffset + i + 1];
                s2 += weights[w + i + 2] * src[srcOffset + i + 2];
                s3 += weights[w + i + 3] * src[srcOffset + i + 3];
            }
            for (; i < featureSize; i++) {
                s0 += weights[w + i] * src[srcOffset + i];
            }
            double s = bias[d] + ((s0 + s1) + (s2 + s3));
            dst[dstOffset + d] = (float) Math.max(-1.0, Math.min(1.0, s));
        }
    }

    private RidgeHead withScore(double score) {
        return new RidgeHead(featureSize, labelSize, weights, bias, lambda, score);
    }

    private double score(Rows rows, Metric metric) {
        int n = rows.n;
        float[] pred = new float[n * labelSize];
        for (int t = 0; t < n; t++) {
            predict(rows.x, t * featureSize, pred, t * labelSize);
        }
        double sum = 0.0;
        double[] truth = new double[n];
        double[] prediction = new double[n];
        for (int d = 0; d < labelSize; d++) {
            for (int t = 0; t < n; t++) {
                truth[t] = rows.y[t * labelSize + d];
                prediction[t] = pred[t * labelSize + d];
            }
            sum += metric.compute(truth, prediction);
        }
        return sum / labelSize;
    }

    private void checkSizes(AffectSequence sequence) {
        Objects.requireNonNull(sequence, "sequence");
        if (sequence.featureSize() != featureSize || sequence.labelSize() != labelSize) {
            throw new IllegalArgumentException("the head maps " + featureSize + " features to "
                    + labelSize + " labels; sequence '" + sequence.id() + "' has "
                    + sequence.featureSize() + " features and " + sequence.labelSize() + " labels");
        }
    }

    private static void requireLambda(double lambda) {
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("the ridge penalty must be positive and finite, got "
                    + lambda);
        }
    }

    private static RidgeHead solve(Moments m, double lambda, double score) {
        int dx = m.dx;
        int dy = m.dy;
        double ridge = lambda * (m.meanVariance > 0 ? m.meanVariance : 1.0);
        DMatrixRMaj a = m.xx.copy();
        for (int i = 0; i < dx; i++) {
            a.add(i, i, ridge);
        }
        LinearSolverDense<DMatrixRMaj> cholesky = LinearSolverFactory_DDRM.symmPosDef(dx);
        if (!cholesky.setA(a)) {
            throw new ArithmeticException("the ridge system (" + dx + " features, penalty " + lambda
                    + ") is not positive definite");
        }
        DMatrixRMaj wt = new DMatrixRMaj(dx, dy); // Wᵀ
        cholesky.solve(m.xy, wt);
        double[] w = new double[dy * dx];
        double[] b = new double[dy];
        for (int d = 0; d < dy; d++) {
            double s = m.meanY[d];
            for (int i = 0; i < dx; i++) {
                double v = wt.get(i, d);
                w[d * dx + i] = v;
                s -= v * m.meanX[i];
            }
            b[d] = s;
        }
        return new RidgeHead(dx, dy, w, b, lambda, score);
    }

    /** Flat row-major training or validation rows: x [n][dx], y [n][dy]. */
    static final class Rows {
        final int n;
        final int dx;
        final int dy;
        final float[] x;
        final float[] y;

        Rows(int n, int dx, int dy, float[] x, float[] y) {
            if (n < 2) {
                throw new IllegalArgumentException("the ridge head needs at least 2 frames, got " + n);
            }
            this.n = n;
            this.dx = dx;
            this.dy = dy;
            this.x = x;
            this.y = y;
        }

        static Rows of(float[][] features, float[][] targets, String what) {
            Objects.requireNonNull(features, what + " features");
            Objects.requireNonNull(targets, what + " targets");
            if (features.length != targets.length) {
                throw new IllegalArgumentException(what + " data: " + features.length
                        + " feature rows but " + targets.length + " target rows");
            }
            if (features.length < 2) {
                throw new IllegalArgumentException("the ridge head needs at least 2 " + what
                        + " frames, got " + features.length);
            }
            int dx = Objects.requireNonNull(features[0], what + " features[0]").length;
            int dy = Objects.requireNonNull(targets[0], what + " targets[0]").length;
            if (dx == 0 || dy == 0) {
                throw new IllegalArgumentException(what + " rows must not be empty");
            }
            int n = features.length;
            float[] x = new float[n * dx];
            float[] y = new float[n * dy];
            for (int t = 0; t < n; t++) {
                copyRow(features[t], dx, x, t, what + " features");
                copyRow(targets[t], dy, y, t, what + " targets");
            }
            return new Rows(n, dx, dy, x, y);
        }

        static Rows of(SequenceDataset data, int maxFrames) {
            int dx = data.featureSize();
            int dy = data.labelSpace().size();
            List<int[]> usable = new ArrayList<>();
            for (int s = 0; s < data.size(); s++) {
                AffectSequence seq = data.get(s);
                for (int t = 0; t < seq.length(); t++) {
                    if (seq.isValid(t) && fullyLabelled(seq, t)) {
                        usable.add(new int[] {s, t});
                    }
                }
            }
            int total = usable.size();
            int n = Math.min(total, maxFrames);
            if (n < 2) {
                throw new IllegalArgumentException("dataset " + data.name() + " has " + total
                        + " valid, fully labelled frames; the ridge head needs at least 2");
            }
            float[] x = new float[n * dx];
            float[] y = new float[n * dy];
            AffectSequence cached = null;
            int cachedIndex = -1;
            for (int r = 0; r < n; r++) {
                int[] at = usable.get((int) ((long) r * total / n));
                if (at[0] != cachedIndex) {
                    cached = data.get(at[0]);
                    cachedIndex = at[0];
                }
                cached.copyFeatures(at[1], x, r * dx);
                for (int d = 0; d < dy; d++) {
                    y[r * dy + d] = cached.label(at[1], d);
                }
            }
            return new Rows(n, dx, dy, x, y);
        }

        private static boolean fullyLabelled(AffectSequence seq, int t) {
            for (int d = 0; d < seq.labelSize(); d++) {
                if (Float.isNaN(seq.label(t, d))) {
                    return false;
                }
            }
            return true;
        }

        private static void copyRow(float[] row, int size, float[] dst, int t, String what) {
            if (row == null || row.length != size) {
                throw new IllegalArgumentException(what + " row " + t + " has "
                        + (row == null ? "no" : String.valueOf(row.length)) + " values, expected " + size);
            }
            for (int i = 0; i < size; i++) {
                if (!Float.isFinite(row[i])) {
                    throw new IllegalArgumentException(what + " row " + t + ", value " + i + " is "
                            + row[i]);
                }
            }
            System.arraycopy(row, 0, dst, t * size, size);
        }
    }

    /** Means and centred second moments (divided by n) of training rows. */
    private static final class Moments {
        final int dx;
        final int dy;
        final double[] meanX;
        final double[] meanY;
        final DMatrixRMaj xx; // [dx][dx]
        final DMatrixRMaj xy; // [dx][dy]
        final double meanVariance;

        private Moments(int dx, int dy, double[] meanX, double[] meanY, DMatrixRMaj xx, DMatrixRMaj xy) {
            this.dx = dx;
            this.dy = dy;
            this.meanX = meanX;
            this.meanY = meanY;
            this.xx = xx;
            this.xy = xy;
            this.meanVariance = CommonOps_DDRM.trace(xx) / dx;
        }

        static Moments of(Rows rows) {
            int n = rows.n;
            int dx = rows.dx;
            int dy = rows.dy;
            double[] meanX = new double[dx];
            double[] meanY = new double[dy];
            for (int t = 0; t < n; t++) {
                for (int i = 0; i < dx; i++) {
                    meanX[i] += rows.x[t * dx + i];
                }
                for (int d = 0; d < dy; d++) {
                    meanY[d] += rows.y[t * dy + d];
                }
            }
            for (int i = 0; i < dx; i++) {
                meanX[i] /= n;
            }
            for (int d = 0; d < dy; d++) {
                meanY[d] /= n;
            }
            // the centred rows go through EJML a chunk at a time, in order: the sums are the same
            // whatever the number of threads, and the rows are never all held in double precision
            DMatrixRMaj xx = new DMatrixRMaj(dx, dx);
            DMatrixRMaj xy = new DMatrixRMaj(dx, dy);
            DMatrixRMaj gram = new DMatrixRMaj(dx, dx);
            DMatrixRMaj xc = new DMatrixRMaj(1, dx);
            DMatrixRMaj yc = new DMatrixRMaj(1, dy);
            for (int t0 = 0; t0 < n; t0 += CHUNK) {
                int m = Math.min(CHUNK, n - t0);
                xc.reshape(m, dx);
                yc.reshape(m, dy);
                for (int r = 0; r < m; r++) {
                    int t = t0 + r;
                    for (int i = 0; i < dx; i++) {
                        xc.data[r * dx + i] = rows.x[t * dx + i] - meanX[i];
                    }
                    for (int d = 0; d < dy; d++) {
                        yc.data[r * dy + d] = rows.y[t * dy + d] - meanY[d];
                    }
                }
                CommonOps_MT_DDRM.multInner(xc, gram);
                CommonOps_DDRM.addEquals(xx, gram);
                CommonOps_DDRM.multAddTransA(xc, yc, xy);
            }
            CommonOps_DDRM.scale(1.0 / n, xx);
            CommonOps_DDRM.scale(1.0 / n, xy);
            return new Moments(dx, dy, meanX, meanY, xx, xy);
        }
    }
}
