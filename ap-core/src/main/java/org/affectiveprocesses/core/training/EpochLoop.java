package org.affectiveprocesses.core.training;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import org.affectiveprocesses.api.EpochReport;
import org.affectiveprocesses.api.TrainingListener;
import org.affectiveprocesses.metrics.EvaluationReport;
import org.affectiveprocesses.metrics.Metric;

/**
 * The epochs of the training protocol, for any model and optimiser: {@code epochs ×
 * iterationsPerEpoch} optimiser steps at the rates of a {@link LearningRateSchedule}, an error as
 * soon as a step's loss is not finite, validation after every epoch, and the weights of the best
 * epoch kept: the first epoch's, then those of every epoch whose selection score (the mean over
 * dimensions of the selection metric) is better; a NaN score is never better. Every step and
 * epoch is reported to a {@link TrainingListener}. {@link ProtocolTrainer} runs the Affective
 * Process with it, and the baselines use it to be trained the same way.
 */
public final class EpochLoop {
    private final int epochs;
    private final int iterationsPerEpoch;
    private final LearningRateSchedule schedule;
    private final Metric selection;
    private final String divergenceAdvice;

    /**
     * The epoch whose weights were kept.
     *
     * @param <W> the type of the weights
     * @param weights its weights
     * @param scores its validation scores by name, as in its {@link EpochReport}: for the
     *     selection metric, {@link Metric#CCC} and {@link Metric#MSE}, {@code "<metric>
     *     <dimension>"} for each dimension and {@code "<metric> mean"} (e.g. {@code "MSE
     *     valence"}, {@code "CCC mean"})
     * @param epoch the epoch, 1-based
     */
    public record Best<W>(W weights, Map<String, Double> scores, int epoch) {
    }

    /**
     * A loop over the given budget.
     *
     * @param epochs number of epochs, at least 1
     * @param iterationsPerEpoch optimiser steps per epoch, at least 1
     * @param learningRate the initial learning rate
     * @param cosineAnnealing whether the learning rate follows a cosine to 0 over all steps (else
     *     it is constant)
     * @param selection the metric whose mean over dimensions picks the best epoch
     * @param divergenceAdvice what the error tells the user to do when the loss stops being
     *     finite, e.g. {@code "lower the learning rate"}
     * @throws IllegalArgumentException if a count or the learning rate is out of range
     */
    public EpochLoop(int epochs, int iterationsPerEpoch, double learningRate, boolean cosineAnnealing,
            Metric selection, String divergenceAdvice) {
        if (epochs < 1 || iterationsPerEpoch < 1) {
            throw new IllegalArgumentException("need at least one epoch of at least one step, got " + epochs
                    + " × " + iterationsPerEpoch);
        }
        this.epochs = epochs;
        this.iterationsPerEpoch = iterationsPerEpoch;
        this.schedule = new LearningRateSchedule(learningRate, (long) epochs * iterationsPerEpoch, cosineAnnealing);
        this.selection = Objects.requireNonNull(selection, "selection");
        this.divergenceAdvice = Objects.requireNonNull(divergenceAdvice, "divergenceAdvice");
    }

    /**
     * Trains and returns the best epoch.
     *
     * @param <W> the type of the weights
     * @param step takes one optimiser step on a fresh batch at the learning rate it is given and
     *     returns the step's loss
     * @param weights a copy of the current weights (called once after every epoch's steps)
     * @param validate scores weights on the validation data
     * @param listener receives every step's loss and every epoch's report
     * @return the epoch whose weights were kept
     * @throws IllegalStateException if a step's loss is not finite
     */
    public <W> Best<W> run(DoubleUnaryOperator step, Supplier<? extends W> weights,
            Function<? super W, EvaluationReport> validate, TrainingListener listener) {
        W best = null;
        Map<String, Double> bestScores = Map.of();
        double bestScore = Double.NaN;
        int bestEpoch = 0;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long started = System.nanoTime();
            double sum = 0;
            double lr = schedule.initial();
            for (int s = 1; s <= iterationsPerEpoch; s++) {
                lr = schedule.at((long) (epoch - 1) * iterationsPerEpoch + (s - 1));
                double loss = step.applyAsDouble(lr);
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("training diverged: loss is " + loss + " at epoch " + epoch
                            + ", step " + s + " (learning rate " + lr + "); " + divergenceAdvice);
                }
                sum += loss;
                listener.onStep(epoch, s, iterationsPerEpoch, loss);
            }
            W current = weights.get();
            Map<String, Double> scores = scores(validate.apply(current));
            double score = scores.get(selection.displayName() + " mean");
            boolean improved = bestEpoch == 0 || better(score, bestScore);
            if (improved) {
                best = current;
                bestScore = score;
                bestScores = scores;
                bestEpoch = epoch;
            }
            listener.onEpoch(new EpochReport(epoch, epochs, sum / iterationsPerEpoch, lr, scores, score, improved,
                    (System.nanoTime() - started) / 1e9));
        }
        return new Best<>(best, bestScores, bestEpoch);
    }

    private Map<String, Double> scores(EvaluationReport report) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Metric m : new Metric[] {selection, Metric.CCC, Metric.MSE}) {
            for (String d : report.dimensions()) {
                scores.put(m.displayName() + " " + d, report.value(m, d));
            }
            scores.put(m.displayName() + " mean", report.mean(m));
        }
        return scores;
    }

    private boolean better(double score, double best) {
        if (Double.isNaN(score)) {
            return false;
        }
        if (Double.isNaN(best)) {
            return true;
        }
        return selection.higherIsBetter() ? score > best : score < best;
    }
}
