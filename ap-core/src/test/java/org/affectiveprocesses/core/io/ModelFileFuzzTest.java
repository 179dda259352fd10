package org.affectiveprocesses.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.ApVariant;
import org.affectiveprocesses.api.ContextSelectors;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.Provenance;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.api.UncertaintyCalibration;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.InputStandardization;
import org.affectiveprocesses.core.model.WeightInitializer;
import org.affectiveprocesses.io.FileFuzzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the Affective Process model file (see ap-io's {@code FileFuzzer}): 360
 * mutations each fail with a checked exception naming the file or load identical content, within
 * the memory and CPU bounds; forged files (CRC-32 and checksums recomputed) fail cleanly or load.
 */
class ModelFileFuzzTest {
    @TempDir
    Path dir;

    private static ModelFile.Contents contents() {
        ApModelSpec spec = new ApModelSpec(new ApArchitecture(ApVariant.LATENT_DETERMINISTIC_ATTENTION, true, 16, 8, 2,
                0.1, 0.1), 12, LabelSpace.valenceArousal());
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("CCC valence", 0.5);
        scores.put("CCC arousal", Double.NaN);
        float[] mean = new float[12];
        float[] std = new float[12];
        java.util.Arrays.fill(mean, -0.5f);
        java.util.Arrays.fill(std, 3f);
        return new ModelFile.Contents(spec, WeightInitializer.initialize(spec, 5), InputStandardization.of(mean, std, 99),
                new UncertaintyCalibration(UncertaintyCalibration.Method.VARIANCE_SCALING, new double[] {0.5, 2.0},
                        "validation", 200, 1.5, 0.25),
                new InferenceOptions(40, 20, 10, ContextSelectors.lowestSigma(), 4, 9L),
                new Provenance("0.1.0-SNAPSHOT", "djl", "2026-12-07T00:00:00Z",
                        TrainingConfig.valenceArousal().toConfiguration(), "train", "validation", scores, 3));
    }

    @Test
    void everyMutationIsRejectedNamingTheFileOrLoadsIdentically() throws IOException {
        Path scratch = Files.createDirectory(dir.resolve("scratch"));
        Path valid = dir.resolve("fuzz.apmodel");
        ModelFile.write(valid, contents());
        FileFuzzer.Report r = FileFuzzer.of(valid, ModelFile::read, FileFuzzer.writtenAgain(scratch, "c.apmodel", ModelFile::write))
                .seed(14).perStrategy(60).run(Files.createDirectory(dir.resolve("work")));
        System.out.println("ModelFile, " + Files.size(valid) + " bytes:\n" + r);
        assertThat(r.failures()).as(r.toString()).isEmpty();
        assertThat(r.cases()).hasSize(360);
    }
}
