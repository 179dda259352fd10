package org.affectiveprocesses.backbone.fan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.affectiveprocesses.backbone.synthetic.SyntheticFaces;
import org.affectiveprocesses.metrics.Ccc;
import org.junit.jupiter.api.Test;

class FanTrainerTest {
    private static final List<FaceSample> FACES = SyntheticFaces.valenceArousal(8, TinyNets.SIZE, 1);

    @Test
    void overfitsATinySetOfGeneratedFacesAndKeepsTheBestEpoch() {
        FanTrainingConfig config = new FanTrainingConfig(15, 8, 0, LearningRate.constant(3e-3), Augmentation.none(), 1);
        List<FanEpoch> seen = new ArrayList<>();
        try (FanNetwork net = FanNetwork.create(TinyNets.valenceArousal(), 1)) {
            FanTrainingReport r = FanTrainer.trainTask(net, FACES, FACES, config, seen::add);
            assertThat(seen).hasSize(15).isEqualTo(r.epochs());
            assertThat(r.last().trainingLoss()).isLessThan(0.3 * r.first().trainingLoss());
            double bestScore = r.epochs().stream().mapToDouble(FanEpoch::validationScore).max().orElseThrow();
            assertThat(r.best().validationScore()).isEqualTo(bestScore);
            assertThat(bestScore).isGreaterThan(r.first().validationScore());
            // the kept parameters are the best epoch's: scoring them again gives its score
            assertThat(meanCcc(net, FACES)).isCloseTo(bestScore, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void frozenAlignmentParametersStayExactlyUnchanged() {
        FanTrainingConfig config = new FanTrainingConfig(2, 4, 1e-6, LearningRate.stepDecay(1e-3),
                Augmentation.paper(), 2);
        try (FanNetwork net = FanNetwork.create(TinyNets.valenceArousal(), 2)) {
            Map<String, float[]> before = net.snapshot();
            FanTrainer.trainTask(net, FACES, List.of(), config, e -> { });
            assertThat(net.alignmentFrozen()).isTrue();
            Map<String, float[]> after = net.snapshot();
            int alignment = 0;
            int changed = 0;
            for (String name : before.keySet()) {
                boolean same = java.util.Arrays.equals(before.get(name), after.get(name));
                if (name.startsWith("01alignment")) {
                    assertThat(same).as(name).isTrue();
                    alignment++;
                } else if (!same) {
                    changed++;
                }
            }
            assertThat(alignment).isGreaterThan(30);
            assertThat(changed).isGreaterThan(30);
        }
    }

    @Test
    void landmarkTrainingLowersTheHeatmapLossAndTouchesOnlyTheAlignmentModule() {
        List<LandmarkSample> faces = SyntheticFaces.landmarks(8, TinyNets.SIZE, 3);
        FanTrainingConfig config = FanTrainingConfig.landmarks().withSchedule(6, 4)
                .withLearningRate(LearningRate.constant(3e-3)).withSeed(3);
        try (FanNetwork net = FanNetwork.create(TinyNets.valenceArousal(), 3)) {
            Map<String, float[]> before = net.snapshot();
            double errorBefore = FanTrainer.landmarkError(net, faces);
            FanTrainingReport r = FanTrainer.trainLandmarks(net, faces, faces, config, e -> { });
            assertThat(r.last().trainingLoss()).isLessThan(r.first().trainingLoss());
            assertThat(net.alignmentFrozen()).isTrue();
            assertThat(-r.best().validationScore()).isCloseTo(FanTrainer.landmarkError(net, faces),
                    org.assertj.core.data.Offset.offset(1e-9));
            assertThat(-r.best().validationScore()).isLessThanOrEqualTo(errorBefore);
            Map<String, float[]> after = net.snapshot();
            for (String name : before.keySet()) {
                if (!name.startsWith("01alignment")) {
                    assertThat(after.get(name)).as(name).containsExactly(before.get(name));
                }
            }
        }
    }

    @Test
    void actionUnitsTrainWithTheRegressionLoss() {
        List<FaceSample> faces = SyntheticFaces.actionUnits(LabelSpace.bp4d(), 6, TinyNets.SIZE, 4);
        FanTrainingConfig config = FanTrainingConfig.actionUnits().withSchedule(3, 6).withSeed(4)
                .withAugmentation(Augmentation.none());
        try (FanNetwork net = FanNetwork.create(TinyNets.actionUnits(), 4)) {
            FanTrainingReport r = FanTrainer.trainTask(net, faces, faces, config, e -> { });
            assertThat(r.epochs()).hasSize(3);
            assertThat(r.epochs()).allSatisfy(e -> assertThat(e.trainingLoss()).isFinite().isPositive());
            assertThat(r.epochs().get(1).learningRate()).isEqualTo(3e-4);
        }
    }

    @Test
    void samplesThatDoNotFitTheNetworkAreRejected() {
        List<FaceSample> aus = SyntheticFaces.actionUnits(LabelSpace.bp4d(), 2, TinyNets.SIZE, 5);
        FanTrainingConfig config = FanTrainingConfig.valenceArousal().withSchedule(1, 2);
        try (FanNetwork net = FanNetwork.create(TinyNets.valenceArousal(), 5)) {
            assertThatThrownBy(() -> FanTrainer.trainTask(net, aus, List.of(), config, e -> { }))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("training sample 0 has 5 labels");
            assertThatThrownBy(() -> FanTrainer.trainTask(net, FACES.subList(0, 1), List.of(), config, e -> { }))
                    .hasMessageContaining("at least 2");
            assertThatThrownBy(() -> FanTrainer.trainLandmarks(net, SyntheticFaces.landmarks(2, TinyNets.SIZE, 1),
                    List.of(), config, e -> { })).hasMessageContaining("no augmentation");
        }
    }

    private static double meanCcc(FanNetwork net, List<FaceSample> faces) {
        List<RgbImage> images = new ArrayList<>();
        faces.forEach(f -> images.add(f.image()));
        float[] p = FanTrainer.predict(net, images);
        double sum = 0;
        for (int d = 0; d < 2; d++) {
            double[] t = new double[faces.size()];
            double[] y = new double[faces.size()];
            for (int i = 0; i < t.length; i++) {
                t[i] = faces.get(i).labels()[d];
                y[i] = Math.max(-1, Math.min(1, p[2 * i + d]));
            }
            sum += Ccc.of(t, y);
        }
        return sum / 2;
    }
}
