package org.affectiveprocesses.core.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
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
 * epoch is reported to a {@link TrainingListener}. The loop's {@link State} can be handed out
 * every N steps ({@link Checkpoints}) and a run continued from it. {@link ProtocolTrainer} runs
 * the Affective Process with it, and the baselines use it to be trained the same way.
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
     * Where a run stands between two steps: what a checkpoint holds of the loop, and what {@link
     * #run(DoubleUnaryOperator, Supplier, Function, TrainingListener, State, Checkpoints)} continues
     * from. A state at the end of an epoch comes after that epoch's validation.
     *
     * @param <W> the type of the weights
     * @param completedSteps the optimiser steps taken, from 0 to epochs × iterationsPerEpoch
     * @param epochLoss the sum of the losses of the current epoch's steps so far (0 at an
     *     epoch's start)
     * @param epochSeconds the wall-clock seconds the current epoch has taken so far
     * @param epochs the reports of the validated epochs, in order
     * @param best the epoch whose weights are kept; null before the first validation
     */
    public record State<W>(long completedSteps, double epochLoss, double epochSeconds, List<EpochReport> epochs,
            Best<W> best) {
        /**
         * Validates and copies the list of reports.
         *
         * @throws IllegalArgumentException if a count is negative, or there is a best epoch
         *     without reports, none with reports, or one that is not among them
         */
        public State {
            if (completedSteps < 0 || !(epochSeconds >= 0)) {
                throw new IllegalArgumentException("bad training position: " + completedSteps + " steps, "
                        + epochSeconds + " s");
            }
            epochs = List.copyOf(epochs);
            if ((best == null) != epochs.isEmpty()) {
                throw new IllegalArgumentException("a best epoch exists exactly when an epoch was validated; got "
                        + epochs.size() + " validated epochs and " + (best == null ? "no best" : "a best"));
            }
            if (best != null && (best.epoch() < 1 || best.epoch() > epochs.size())) {
                throw new IllegalArgumentException("the best epoch " + best.epoch() + " is not one of the "
                        + epochs.size() + " validated epochs");
            }
        }

        /**
         * The state before the first step.
         *
         * @param <W> the type of the weights
         * @return no step taken, no epoch validated
         */
        public static <W> State<W> start() {
            return new State<>(0, 0, 0, List.of(), null);
        }
    }

    /**
     * When the loop hands its {@link State} out: after every {@code everySteps}-th step (counted
     * over the whole run), or after the validation when that step ends an epoch.
     *
     * @param <W> the type of the weights
     * @param everySteps the interval in steps, at least 1; 0 for never
     * @param sink receives the state (on the training thread, between two steps)
     */
    public record Checkpoints<W>(long everySteps, Consumer<? super State<W>> sink) {
        /**
         * Validates.
         *
         * @throws IllegalArgumentException if the interval is negative
         */
        public Checkpoints {
            if (everySteps < 0) {
                throw new IllegalArgumentException("checkpoints every " + everySteps + " steps; need >= 1 (0: never)");
            }
            Objects.requireNonNull(sink, "sink");
        }

        /**
         * No checkpoints.
         *
         * @param <W> the type of the weights
         * @return checkpoints that are never due
         */
        public static <W> Checkpoints<W> never() {
            return new Checkpoints<>(0, s -> { });
        }

        private boolean dueAfter(long completedSteps) {
            return everySteps > 0 && completedSteps % everySteps == 0;
        }
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
        return run(step, weights, validate, listener, State.start(), Checkpoints.never());
    }

    /**
     * Trains from a state (the start, or a checkpoint's) and returns the best epoch. Continuing
     * from the state of an earlier run, with the model and batches where that run stood, gives
     * what the run would have given: the same steps, validations and best epoch. The listener
     * hears {@link TrainingListener#onResume} first when the state is not the start.
     *
     * @param <W> the type of the weights
     * @param step takes one optimiser step on a fresh batch at the learning rate it is given and
     *     returns the step's loss
     * @param weights a copy of the current weights (called once after every epoch's steps)
     * @param validate scores weights on the validation data
     * @param listener receives every step's loss and every epoch's report
     * @param from where to start
     * @param checkpoints when to hand the state out
     * @return the epoch whose weights were kept
     * @throws IllegalArgumentException if the state does not belong to this loop's schedule
     * @throws IllegalStateException if a step's loss is not finite
     */
    public <W> Best<W> run(DoubleUnaryOperator step, Supplier<? extends W> weights,
            Function<? super W, EvaluationReport> validate, TrainingListener listener, State<W> from,
            Checkpoints<W> checkpoints) {
        long total = schedule.totalSteps();
        check(from, total);
        List<EpochReport> reports = new ArrayList<>(from.epochs());
        Best<W> best = from.best();
        double bestScore = best == null ? Double.NaN : best.scores().get(selectionKey());
        long done = from.completedSteps();
        if (done > 0) {
            listener.onResume(done, total, List.copyOf(reports));
        }
        int firstEpoch = (int) (done / iterationsPerEpoch) + 1;
        for (int epoch = firstEpoch; epoch <= epochs; epoch++) {
            long started = System.nanoTime();
            boolean resumed = epoch == firstEpoch;
            double sum = resumed ? from.epochLoss() : 0;
            double earlierSeconds = resumed ? from.epochSeconds() : 0;
            double lr = schedule.initial();
            for (int s = resumed ? (int) (done % iterationsPerEpoch) + 1 : 1; s <= iterationsPerEpoch; s++) {
                lr = schedule.at(done);
                double loss = step.applyAsDouble(lr);
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("training diverged: loss is " + loss + " at epoch " + epoch
                            + ", step " + s + " (learning rate " + lr + "); " + divergenceAdvice);
                }
                sum += loss;
                done++;
                listener.onStep(epoch, s, iterationsPerEpoch, loss);
                if (s < iterationsPerEpoch && checkpoints.dueAfter(done)) {
                    checkpoints.sink().accept(new State<>(done, sum, earlierSeconds + since(started), reports, best));
                }
            }
            W current = weights.get();
            Map<String, Double> scores = scores(validate.apply(current));
            double score = scores.get(selectionKey());
            boolean improved = best == null || better(score, bestScore);
            if (improved) {
                best = new Best<>(current, scores, epoch);
                bestScore = score;
            }
            EpochReport report = new EpochReport(epoch, epochs, sum / iterationsPerEpoch, lr, scores, score, improved,
                    earlierSeconds + since(started));
            reports.add(report);
            listener.onEpoch(report);
            if (checkpoints.dueAfter(done)) {
                checkpoints.sink().accept(new State<>(done, 0, 0, reports, best));
            }
        }
        return best;
    }

    /** Rejects a state from another schedule. */
    private void check(State<?> from, long total) {
        if (from.completedSteps() > total) {
            throw new IllegalArgumentException("the state is at step " + from.completedSteps() + " of a schedule of "
                    + total + " steps");
        }
        long validated = from.completedSteps() / iterationsPerEpoch;
        if (from.epochs().size() != validated) {
            throw new IllegalArgumentException("the state at step " + from.completedSteps() + " has "
                    + from.epochs().size() + " epoch reports; " + validated + " epochs of " + iterationsPerEpoch
                    + " steps were validated by then");
        }
        for (EpochReport r : from.epochs()) {
            if (r.epochs() != epochs) {
                throw new IllegalArgumentException("the state reports epoch " + r.epoch() + " of " + r.epochs()
                        + "; this schedule has " + epochs + " epochs");
            }
        }
    }

    private String selectionKey() {
        return selection.displayName() + " mean";
    }

    private static double since(long started) {
        return (System.nanoTime() - started) / 1e9;
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
