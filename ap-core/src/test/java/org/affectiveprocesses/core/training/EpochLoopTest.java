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

    private static final class Recorder implements TrainingListener {
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
}
