package org.affectiveprocesses.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.affectiveprocesses.api.EpochReport;
import org.affectiveprocesses.api.TrainingListener;
import org.affectiveprocesses.metrics.EvaluationReport;
import org.affectiveprocesses.metrics.Metric;
import org.affectiveprocesses.metrics.Pooling;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class EpochLoopTest {
    private static final double[] TRUTH = {0, 1, 2, 3};

    /** A one-dimension report of the prediction {@code scale · truth + shift}. */
    private static EvaluationReport report(double[] truth, double scale, double shift) {
        double[][] t = new double[truth.length][1];
        double[][] p = new double[truth.length][1];
        for (int i = 0; i < truth.length; i++) {
            t[i][0] = truth[i];
            p[i][0] = scale * truth[i] + shift;
        }
        return EvaluationReport.builder(List.of("valence")).addSequence("s", t, p)
                .build(Pooling.POOLED, Metric.CCC, Metric.MSE);
    }

    private static class Recorder implements TrainingListener {
        final List<String> steps = new ArrayList<>();
        final List<EpochReport> epochs = new ArrayList<>();

        @Override
        public void onStep(int epoch, int step, int stepsPerEpoch, double loss) {
            steps.add(epoch + "." + step + "/" + stepsPerEpoch + "=" + loss);
        }

        @Override
        public void onEpoch(EpochReport report) {
            epochs.add(report);
        }
    }

    @Test
    void keepsTheFirstEpochThenOnlyBetterOnes() {
        // epoch 1: CCC < 1; 2: NaN (both series the same constant); 3: worse than 1; 4: CCC 1
        List<EvaluationReport> reports = List.of(report(TRUTH, 0.5, 0), report(new double[] {1, 1, 1}, 1, 0),
                report(TRUTH, 0.1, 0), report(TRUTH, 1, 0));
        AtomicInteger epoch = new AtomicInteger();
        Recorder recorder = new Recorder();
        EpochLoop.Best<Integer> best = new EpochLoop(4, 2, 0.1, false, Metric.CCC, "advice")
                .run(lr -> 1, epoch::incrementAndGet, w -> reports.get(w - 1), recorder);
        assertThat(recorder.epochs).extracting(EpochReport::best).containsExactly(true, false, false, true);
        assertThat(best.epoch()).isEqualTo(4);
        assertThat(best.weights()).isEqualTo(4);
        assertThat(best.scores()).isEqualTo(recorder.epochs.get(3).validationScores());
        assertThat(best.scores().keySet()).containsExactly("CCC valence", "CCC mean", "MSE valence", "MSE mean");
        assertThat(best.scores().get("CCC mean")).isCloseTo(1.0, Offset.offset(1e-12));
        assertThat(recorder.epochs.get(1).selectionScore()).isNaN();
    }

    @Test
    void aLowerErrorIsBetterWhenTheMetricIsAnError() {
        List<EvaluationReport> reports = List.of(report(TRUTH, 1, 0.5), report(TRUTH, 1, 0.1),
                report(TRUTH, 1, 0.3));
        AtomicInteger epoch = new AtomicInteger();
        Recorder recorder = new Recorder();
        EpochLoop.Best<Integer> best = new EpochLoop(3, 1, 0.1, false, Metric.MSE, "advice")
                .run(lr -> 1, epoch::incrementAndGet, w -> reports.get(w - 1), recorder);
        assertThat(recorder.epochs).extracting(EpochReport::best).containsExactly(true, true, false);
        assertThat(best.epoch()).isEqualTo(2);
        assertThat(best.scores().keySet()).containsExactly("MSE valence", "MSE mean", "CCC valence", "CCC mean");
        assertThat(best.scores().get("MSE mean")).isCloseTo(0.01, Offset.offset(1e-12));
    }

    @Test
    void stepsFollowTheScheduleAndAreReported() {
        LearningRateSchedule schedule = new LearningRateSchedule(0.1, 6, true);
        List<Double> rates = new ArrayList<>();
        Recorder recorder = new Recorder();
        new EpochLoop(2, 3, 0.1, true, Metric.CCC, "advice").run(lr -> {
            rates.add(lr);
            return rates.size();
        }, () -> 0, w -> report(TRUTH, 1, 0), recorder);
        assertThat(rates).containsExactly(schedule.at(0), schedule.at(1), schedule.at(2), schedule.at(3),
                schedule.at(4), schedule.at(5));
        assertThat(recorder.steps).containsExactly("1.1/3=1.0", "1.2/3=2.0", "1.3/3=3.0", "2.1/3=4.0", "2.2/3=5.0",
                "2.3/3=6.0");
        EpochReport second = recorder.epochs.get(1);
        assertThat(second.epoch()).isEqualTo(2);
        assertThat(second.epochs()).isEqualTo(2);
        assertThat(second.meanLoss()).isEqualTo(5.0);
        assertThat(second.learningRate()).isEqualTo(schedule.at(5));
    }

    @Test
    void aLossThatIsNotFiniteStopsTraining() {
        AtomicInteger steps = new AtomicInteger();
        EpochLoop loop = new EpochLoop(2, 2, 0.5, false, Metric.CCC, "lower the learning rate");
        assertThatThrownBy(() -> loop.run(lr -> steps.incrementAndGet() == 3 ? Double.POSITIVE_INFINITY : 1,
                () -> 0, w -> report(TRUTH, 1, 0), TrainingListener.silent()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("training diverged: loss is Infinity at epoch 2, step 1 (learning rate 0.5); "
                        + "lower the learning rate");
    }

    @Test
    void needsABudget() {
        assertThatThrownBy(() -> new EpochLoop(0, 5, 0.1, true, Metric.CCC, "advice"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 × 5");
    }

    @Test
    void aSingleEpochIsKept() {
        EvaluationReport perfect = report(TRUTH, 1, 0);
        EpochLoop.Best<String> best = new EpochLoop(1, 1, 0.1, true, Metric.CCC, "advice").run(lr -> 0, () -> "w",
                w -> perfect, TrainingListener.silent());
        assertThat(best).isEqualTo(new EpochLoop.Best<>("w", Map.of("CCC valence", perfect.value(Metric.CCC, 0),
                "CCC mean", perfect.mean(Metric.CCC), "MSE valence", 0.0, "MSE mean", 0.0), 1));
    }

    /**
     * A deterministic "model": its weights are the number of steps taken, a step's loss depends
     * on the step and the learning rate, validation on the weights (CCC best after epochs 1 and 3).
     */
    private static final class CountingModel {
        final List<Double> rates = new ArrayList<>();
        long steps;

        CountingModel(long steps) {
            this.steps = steps;
        }

        double step(double lr) {
            rates.add(lr);
            steps++;
            return 1.0 / steps + lr;
        }

        static EvaluationReport validate(long weights) {
            double[] shifts = {0.5, 0.8, 0.1, 0.3};
            return report(TRUTH, 1, shifts[(int) (weights / 5) - 1]);
        }
    }

    /** A run's reports without their wall-clock seconds. */
    private static List<String> withoutSeconds(List<EpochReport> reports) {
        return reports.stream().map(r -> r.epoch() + "/" + r.epochs() + " " + r.meanLoss() + " " + r.learningRate()
                + " " + r.validationScores() + " " + r.selectionScore() + " " + r.best()).toList();
    }

    /**
     * The loop hands its state out every 3 steps (after the validation when the step ends an
     * epoch), and a run continued from any of them takes the same steps at the same rates, hands
     * out the same later states and ends with the same reports and best epoch.
     */
    @Test
    void aRunContinuedFromAnyHandedOutStateEndsAsTheWholeRun() {
        EpochLoop loop = new EpochLoop(4, 5, 0.1, true, Metric.CCC, "advice");
        CountingModel whole = new CountingModel(0);
        Recorder all = new Recorder();
        List<EpochLoop.State<Long>> states = new ArrayList<>();
        EpochLoop.Best<Long> expected = loop.run(whole::step, () -> whole.steps, CountingModel::validate, all,
                EpochLoop.State.start(), new EpochLoop.Checkpoints<>(3, states::add));
        assertThat(states).extracting(EpochLoop.State::completedSteps).containsExactly(3L, 6L, 9L, 12L, 15L, 18L);
        assertThat(states.get(4).epochs()).as("step 15 ends epoch 3: handed out after its validation").hasSize(3);
        assertThat(states.get(4).epochLoss()).isZero();
        assertThat(states.get(3).epochLoss()).as("steps 11 and 12 of epoch 3")
                .isEqualTo(1.0 / 11 + whole.rates.get(10) + (1.0 / 12 + whole.rates.get(11)));
        assertThat(expected.epoch()).isEqualTo(3);
        for (EpochLoop.State<Long> state : states) {
            int k = (int) state.completedSteps();
            CountingModel resumed = new CountingModel(k);
            List<EpochLoop.State<Long>> later = new ArrayList<>();
            List<String> resumes = new ArrayList<>();
            Recorder recorder = new Recorder() {
                @Override
                public void onResume(long completedSteps, long totalSteps, List<EpochReport> completedEpochs) {
                    resumes.add(completedSteps + "/" + totalSteps + " after " + completedEpochs.size() + " epochs");
                }
            };
            EpochLoop.Best<Long> best = loop.run(resumed::step, () -> resumed.steps, CountingModel::validate, recorder,
                    state, new EpochLoop.Checkpoints<>(3, later::add));
            assertThat(best).as("from step %d", k).isEqualTo(expected);
            assertThat(resumed.rates).isEqualTo(whole.rates.subList(k, 20));
            assertThat(recorder.steps).isEqualTo(all.steps.subList(k, 20));
            assertThat(resumes).containsExactly(k + "/20 after " + state.epochs().size() + " epochs");
            List<EpochReport> reports = new ArrayList<>(state.epochs());
            reports.addAll(recorder.epochs);
            assertThat(withoutSeconds(reports)).isEqualTo(withoutSeconds(all.epochs));
            assertThat(later).extracting(EpochLoop.State::completedSteps)
                    .isEqualTo(states.subList(states.indexOf(state) + 1, states.size()).stream()
                            .map(EpochLoop.State::completedSteps).toList());
        }
    }

    @Test
    void aStateOfAnotherScheduleIsRefused() {
        EpochLoop loop = new EpochLoop(2, 5, 0.1, true, Metric.CCC, "advice");
        EpochLoop.Best<Long> first = new EpochLoop.Best<>(5L, Map.of("CCC mean", 0.5), 1);
        EpochReport one = new EpochReport(1, 2, 1, 0.1, Map.of("CCC mean", 0.5), 0.5, true, 1);
        assertThatThrownBy(() -> loop.run(lr -> 1, () -> 0L, w -> report(TRUTH, 1, 0), TrainingListener.silent(),
                new EpochLoop.State<>(11, 0, 0, List.of(one, one), first), EpochLoop.Checkpoints.never()))
                .hasMessageContaining("step 11 of a schedule of 10 steps");
        assertThatThrownBy(() -> loop.run(lr -> 1, () -> 0L, w -> report(TRUTH, 1, 0), TrainingListener.silent(),
                new EpochLoop.State<>(4, 0, 0, List.of(one), first), EpochLoop.Checkpoints.never()))
                .hasMessageContaining("has 1 epoch reports; 0 epochs of 5 steps were validated");
        EpochReport ofThree = new EpochReport(1, 3, 1, 0.1, Map.of("CCC mean", 0.5), 0.5, true, 1);
        assertThatThrownBy(() -> loop.run(lr -> 1, () -> 0L, w -> report(TRUTH, 1, 0), TrainingListener.silent(),
                new EpochLoop.State<>(6, 0, 0, List.of(ofThree), first), EpochLoop.Checkpoints.never()))
                .hasMessageContaining("this schedule has 2 epochs");
        assertThatThrownBy(() -> new EpochLoop.State<Long>(5, 0, 0, List.of(one), null))
                .hasMessageContaining("a best epoch exists exactly when an epoch was validated");
        assertThatThrownBy(() -> new EpochLoop.State<>(5, 0, 0, List.of(one), new EpochLoop.Best<>(5L, Map.of(), 2)))
                .hasMessageContaining("the best epoch 2 is not one of the 1 validated epochs");
        assertThatThrownBy(() -> new EpochLoop.Checkpoints<Long>(-1, s -> { }))
                .hasMessageContaining("checkpoints every -1 steps");
    }
}
