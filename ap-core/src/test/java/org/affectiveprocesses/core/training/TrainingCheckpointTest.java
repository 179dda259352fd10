package org.affectiveprocesses.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.ApVariant;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.core.engine.AdamState;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.ApWeights;
import org.affectiveprocesses.core.model.InputStandardization;
import org.affectiveprocesses.core.model.WeightInitializer;
import org.junit.jupiter.api.Test;

class TrainingCheckpointTest {
    private static final Path FILE = Path.of("run.apckpt");
    private static final TrainingConfig CONFIG = TrainingConfig.valenceArousal().withSeed(2).withSchedule(3, 4)
            .withArchitecture(new ApArchitecture(ApVariant.LATENT, true, 8, 6, 3, 0.05, 0.2));
    private static final ApModelSpec SPEC = new ApModelSpec(CONFIG.architecture(), 4, LabelSpace.valenceArousal());

    private static TrainingCheckpoint at(long steps, SequenceDataset train, SequenceDataset validation) {
        ApWeights w = WeightInitializer.initialize(SPEC, 1);
        return new TrainingCheckpoint("v", "djl", CONFIG, SPEC, DatasetIdentity.of(train),
                DatasetIdentity.of(validation), InputStandardization.identity(4),
                new EpochLoop.State<>(steps, 0.5, 0.25, List.of(), null), w, adam(steps));
    }

    private static AdamState adam(long steps) {
        AdamState zero = AdamState.initial(SPEC);
        return new AdamState(steps, WeightInitializer.initialize(SPEC, 5), zero.secondMoments());
    }

    private static SequenceDataset data(String name, float shift) {
        List<AffectSequence> list = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            AffectSequence.Builder b = AffectSequence.builder("s" + s, LabelSpace.valenceArousal(), 4);
            for (int t = 0; t < 50; t++) {
                b.addFrame(new float[] {s, t + shift, 0, 1}, new float[] {0.5f, -0.5f},
                        new float[] {t % 3 == 0 ? Float.NaN : 0.25f, 0.1f});
            }
            list.add(b.build());
        }
        return SequenceDataset.of(name, list);
    }

    @Test
    void theSameConfigurationEngineModelAndDataResume() {
        SequenceDataset train = data("train", 0);
        SequenceDataset validation = data("validation", 1);
        at(3, train, validation).checkResumableBy(FILE, CONFIG, "djl", SPEC, DatasetIdentity.of(data("train", 0)),
                DatasetIdentity.of(data("renamed", 1)));
    }

    @Test
    void anotherConfigurationIsRefusedNamingEveryChange() {
        TrainingCheckpoint c = at(3, data("train", 0), data("validation", 1));
        TrainingConfig other = CONFIG.toBuilder().epochs(4).learningRate(1e-3)
                .architecture(new ApArchitecture(ApVariant.LATENT, true, 8, 9, 3, 0.05, 0.2)).build();
        assertThatThrownBy(() -> c.checkResumableBy(FILE, other, "djl", SPEC, c.trainingData(), c.validationData()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("run.apckpt is a checkpoint of another training configuration (")
                .hasMessageContaining("epochs: 3 in the checkpoint, 4 now")
                .hasMessageContaining("learningRate: 2.5E-4 in the checkpoint, 0.001 now")
                .hasMessageContaining("architecture.latentSize: 6 in the checkpoint, 9 now")
                .hasMessageContaining("start a new training");
    }

    @Test
    void anotherEngineModelOrDataAreRefused() {
        SequenceDataset train = data("train", 0);
        SequenceDataset validation = data("validation", 1);
        TrainingCheckpoint c = at(3, train, validation);
        assertThatThrownBy(() -> c.checkResumableBy(FILE, CONFIG, "tensorflow", SPEC, c.trainingData(),
                c.validationData())).hasMessageContaining("engine 'djl', not 'tensorflow'");
        ApModelSpec wider = new ApModelSpec(CONFIG.architecture(), 5, LabelSpace.valenceArousal());
        assertThatThrownBy(() -> c.checkResumableBy(FILE, CONFIG, "djl", wider, c.trainingData(),
                c.validationData())).hasMessageContaining("is a checkpoint of the model");
        DatasetIdentity changed = DatasetIdentity.of(data("train", 0.5f));
        assertThatThrownBy(() -> c.checkResumableBy(FILE, CONFIG, "djl", SPEC, changed, c.validationData()))
                .hasMessageContaining("run.apckpt is a checkpoint of a training on other training data")
                .hasMessageContaining(c.trainingData().sha256()).hasMessageContaining(changed.sha256());
        assertThatThrownBy(() -> c.checkResumableBy(FILE, CONFIG, "djl", SPEC, c.trainingData(), c.trainingData()))
                .hasMessageContaining("other validation data");
    }

    @Test
    void theDigestSeesEveryValueTrainingReadsButNotTheDatasetsName() {
        String base = DatasetIdentity.of(data("a", 0)).sha256();
        assertThat(DatasetIdentity.of(data("b", 0)).sha256()).isEqualTo(base);
        assertThat(DatasetIdentity.of(data("a", 0)).description()).startsWith("a (2 sequences, 100 frames");
        assertThat(DatasetIdentity.of(data("a", 1e-6f)).sha256()).isNotEqualTo(base);
        List<AffectSequence> list = new ArrayList<>(data("a", 0).stream().toList());
        AffectSequence s = list.get(1);
        AffectSequence.Builder b = AffectSequence.builder(s.id(), s.labelSpace(), 4);
        for (int t = 0; t < s.length(); t++) {
            float[] labels = s.labels(t);
            if (t == 7) {
                labels[1] = Float.NaN;
            }
            b.addFrame(s.features(t), s.pseudoLabels(t), labels);
        }
        list.set(1, b.build());
        assertThat(DatasetIdentity.of(SequenceDataset.of("a", list)).sha256()).as("one label missing")
                .isNotEqualTo(base);
        assertThatThrownBy(() -> new DatasetIdentity("x", "ABC")).hasMessageContaining("64 lower-case hex digits");
    }

    @Test
    void partsThatDoNotFitAreRefused() {
        SequenceDataset d = data("train", 0);
        ApWeights w = WeightInitializer.initialize(SPEC, 1);
        EpochLoop.State<ApWeights> atFive = new EpochLoop.State<>(5, 0, 0, List.of(), null);
        assertThatThrownBy(() -> new TrainingCheckpoint("v", "djl", CONFIG, SPEC, DatasetIdentity.of(d),
                DatasetIdentity.of(d), InputStandardization.identity(4), atFive, w, adam(5)))
                .hasMessageContaining("has 0 epoch reports; 1 epochs were validated");
        EpochLoop.State<ApWeights> atThree = new EpochLoop.State<>(3, 0, 0, List.of(), null);
        assertThatThrownBy(() -> new TrainingCheckpoint("v", "djl", CONFIG, SPEC, DatasetIdentity.of(d),
                DatasetIdentity.of(d), InputStandardization.identity(4), atThree, w, adam(2)))
                .hasMessageContaining("Adam took 2 steps but the training 3");
        assertThatThrownBy(() -> new TrainingCheckpoint("v", "djl", CONFIG, SPEC, DatasetIdentity.of(d),
                DatasetIdentity.of(d), InputStandardization.identity(5), atThree, w, adam(3)))
                .hasMessageContaining("the input standardisation has 5 features");
    }
}
