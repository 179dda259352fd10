package org.affectiveprocesses.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.EpochReport;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.api.TrainingListener;
import org.affectiveprocesses.metrics.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Training: each baseline can fit a small dataset, runs are reproducible, bad data is refused. */
class BaselineTrainingTest {
    private static final LabelSpace VA = LabelSpace.valenceArousal();
    private static final SequenceDataset TRAIN = TinyData.dataset("train", VA, 2, 60, 8, 1);
    private static final SequenceDataset VALIDATION = TinyData.dataset("validation", VA, 1, 40, 8, 2);

    static Stream<Arguments> tinyModels() {
        return Stream.of(
                Arguments.of(new ConvGruConfig(2, 16, 3, ConvAxis.TIME, 1, 12), 1e-2),
                Arguments.of(new ConvGruConfig(1, 8, 3, ConvAxis.FEATURE, 2, 12), 1e-2),
                Arguments.of(new BiGruConfig(1, 16, 12), 1e-2),
                Arguments.of(new SelfAttentionConfig(1, 2, 16, 32, true, 12), 3e-3));
    }

    private static BaselineTrainingConfig tiny(BaselineArchitecture a, double lr, int steps) {
        return BaselineTrainingConfig.convGru().withArchitecture(a).withSchedule(2, steps / 2).withBatchSize(4)
                .withOptimizer(lr, 0, 5.0).withSeed(7);
    }

    @ParameterizedTest
    @MethodSource("tinyModels")
    void fitsASmallDataset(BaselineArchitecture a, double lr) {
        List<Double> losses = new ArrayList<>();
        List<EpochReport> epochs = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onStep(int epoch, int step, int stepsPerEpoch, double loss) {
                losses.add(loss);
            }

            @Override
            public void onEpoch(EpochReport report) {
                epochs.add(report);
            }
        };
        try (BaselineModel model = BaselineModel.trainer(tiny(a, lr, 160), Engine.auto().onDevice("cpu"))
                .listener(listener).fit(TRAIN, TRAIN)) {
            double first = losses.get(0);
            double last = losses.subList(losses.size() - 10, losses.size()).stream().mapToDouble(d -> d).average()
                    .orElseThrow();
            assertThat(last).as("%s: first loss %.4f, last %.4f", a.displayName(), first, last).isLessThan(first / 10);
            assertThat(epochs).hasSize(2);
            EpochReport best = epochs.get(1).selectionScore() > epochs.get(0).selectionScore() ? epochs.get(1) : epochs.get(0);
            assertThat(model.contents().provenance().bestEpoch()).isEqualTo(best.epoch());
            assertThat(best.validationScores().get("CCC mean")).isGreaterThan(0.8);
            float[] std = model.contents().outputStd();
            for (int d = 0; d < 2; d++) {
                double mse = best.validationScores().get("MSE " + VA.dimension(d));
                assertThat((double) std[d]).isCloseTo(Math.sqrt(mse), org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameModel() {
        BaselineTrainingConfig config = tiny(new ConvGruConfig(1, 8, 3, ConvAxis.TIME, 1, 10), 1e-2, 20);
        try (BaselineModel a = BaselineModel.trainer(config).listener(TrainingListener.silent()).fit(TRAIN, VALIDATION);
                BaselineModel b = BaselineModel.trainer(config).listener(TrainingListener.silent()).fit(TRAIN, VALIDATION);
                BaselineModel c = BaselineModel.trainer(config.withSeed(8)).listener(TrainingListener.silent())
                        .fit(TRAIN, VALIDATION)) {
            assertThat(a.contents().weights()).isEqualTo(b.contents().weights());
            assertThat(a.contents().weights()).isNotEqualTo(c.contents().weights());
            assertThat(a.contents().normalization()).isEqualTo(c.contents().normalization());
        }
    }

    @Test
    void refusesDataThatCannotTrainIt() {
        BaselineTrainingConfig config = tiny(new BiGruConfig(1, 4, 100), 1e-2, 2);
        assertThatThrownBy(() -> BaselineModel.trainer(config).fit(TRAIN, VALIDATION))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("100 frames");
        SequenceDataset au = TinyData.dataset("au", LabelSpace.bp4d(), 1, 40, 8, 3);
        assertThatThrownBy(() -> BaselineModel.trainer(tiny(new BiGruConfig(1, 4, 10), 1e-2, 2)).fit(TRAIN, au))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bp4d-au");
        SequenceDataset wide = TinyData.dataset("wide", VA, 1, 40, 9, 3);
        assertThatThrownBy(() -> BaselineModel.trainer(tiny(new BiGruConfig(1, 4, 10), 1e-2, 2)).fit(TRAIN, wide))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9-d");
    }

    @Test
    void budgetFollowsTheApConfiguration() {
        TrainingConfig ap = TrainingConfig.actionUnits().withSeed(4).withSchedule(3, 50);
        BaselineTrainingConfig c = BaselineTrainingConfig.selfAttentionActionUnits().withBudgetOf(ap);
        assertThat(c.totalSteps()).isEqualTo(150);
        assertThat(c.batchSize()).isEqualTo(6);
        assertThat(c.seed()).isEqualTo(4);
        assertThat(c.selectionMetric()).isEqualTo(Metric.ICC_3_1);
        assertThat(c.learningRate()).isEqualTo(BaselineTrainingConfig.selfAttentionActionUnits().learningRate());
        assertThat(c.hop()).isEqualTo(20);
    }

    @Test
    void configurationsAreValidated() {
        assertThatThrownBy(() -> new ConvGruConfig(4, 128, 4, ConvAxis.TIME, 16, 30))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("odd");
        assertThatThrownBy(() -> new SelfAttentionConfig(2, 32, 500, 1024, true, 30))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of the 32 heads");
        assertThatThrownBy(() -> BaselineTrainingConfig.convGru().withHop(31))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hop");
        assertThatThrownBy(() -> BaselineTrainingConfig.biGru().withOptimizer(0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learningRate");
        assertThatThrownBy(() -> BaselineModel.trainer(BaselineTrainingConfig.biGru(), Engine.named("tensorflow"))
                .fit(TRAIN, VALIDATION)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DJL");
    }
}
