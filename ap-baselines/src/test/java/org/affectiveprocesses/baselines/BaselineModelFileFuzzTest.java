package org.affectiveprocesses.baselines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.core.model.InputStandardization;
import org.affectiveprocesses.io.FileFuzzer;
import org.affectiveprocesses.io.TensorSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the baseline model file (see ap-io's {@code FileFuzzer}): for a ConvGRU and a
 * self-attention model, 180 mutations each fail with a checked exception naming the file or load
 * identical content, within the memory and CPU bounds; no engine is needed to read the file.
 */
class BaselineModelFileFuzzTest {
    @TempDir
    Path dir;

    /** Contents with seeded random weights, made without an engine (reading the file needs none either). */
    private static BaselineModelFile.Contents contents(BaselineSpec spec, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, float[]> values = new LinkedHashMap<>();
        for (TensorSpec t : spec.tensors()) {
            float[] v = new float[t.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) rng.nextGaussian() * 0.1f;
            }
            values.put(t.name(), v);
        }
        float[] mean = new float[spec.inputSize()];
        float[] scale = new float[spec.inputSize()];
        Arrays.fill(scale, 2f);
        float[] std = new float[spec.labelSize()];
        Arrays.fill(std, 0.3f);
        return new BaselineModelFile.Contents(spec, BaselineWeights.of(spec.tensors(), values),
                InputStandardization.of(mean, scale, 50), std, 4, 4, RandomModels.PROVENANCE);
    }

    @Test
    void everyMutationIsRejectedNamingTheFileOrLoadsIdentically() throws IOException {
        Path scratch = Files.createDirectory(dir.resolve("scratch"));
        int seed = 20;
        for (BaselineSpec spec : new BaselineSpec[] {
            new BaselineSpec(new ConvGruConfig(1, 4, 3, ConvAxis.FEATURE, 4, 9), 6, LabelSpace.valenceArousal(), true),
            new BaselineSpec(new SelfAttentionConfig(2, 2, 8, 6, true, 9), 6, LabelSpace.bp4d(), false)}) {
            Path valid = dir.resolve(spec.architecture().modelType() + ".apmodel");
            BaselineModelFile.write(valid, contents(spec, seed));
            Path work = Files.createDirectories(dir.resolve("work-" + seed));
            FileFuzzer.Report r = FileFuzzer.of(valid, BaselineModelFile::read,
                    FileFuzzer.writtenAgain(scratch, "c.apmodel", BaselineModelFile::write))
                    .seed(seed++).perStrategy(30).run(work);
            System.out.println("BaselineModelFile " + spec.architecture().modelType() + ", " + Files.size(valid)
                    + " bytes:\n" + r);
            assertThat(r.failures()).as(r.toString()).isEmpty();
            assertThat(r.cases()).hasSize(180);
        }
    }
}
