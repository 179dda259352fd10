package org.affectiveprocesses.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.Provenance;
import org.affectiveprocesses.core.inference.WindowedAffectiveProcess;
import org.affectiveprocesses.core.io.ModelFile;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.WeightInitializer;
import org.affectiveprocesses.engine.djl.DjlBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {
    @TempDir
    Path dir;

    @Test
    void predictWithAModelAddsTheAffectiveProcessColumns() throws IOException {
        Path model = dir.resolve("va256.apmodel");
        ApModelSpec spec = new ApModelSpec(ApArchitecture.paper(), 256, LabelSpace.valenceArousal());
        try (WindowedAffectiveProcess ap = WindowedAffectiveProcess.open(new DjlBackend(), Engine.named("djl"), ModelFile.Contents.of(
                WeightInitializer.initialize(spec, 5), InferenceOptions.paper(), Provenance.untrained("test", "djl", "untrained")))) {
            ap.save(model);
        }
        Path clip = ExtractCommandTest.greyClip(dir.resolve("grey.avi"), 5);
        Path csv = dir.resolve("grey.csv");
        Object[] r = ExtractCommandTest.run(new PredictCommand(), clip.toString(), "--model", model.toString(), "-o",
                csv.toString(), "--quiet");
        assertThat(r[0]).isEqualTo(0);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).endsWith("p_surprised,ap_valence_mean,ap_valence_std,ap_arousal_mean,ap_arousal_std");
        assertThat(lines.get(1)).as("OpenFace's columns: frame from 1, no face id, success 0")
                .startsWith("1,,0.000000,,0,").endsWith(",,,,");
    }

    @Test
    void aModelForOtherFeaturesIsRefused() throws IOException {
        Path model = dir.resolve("va512.apmodel");
        try (WindowedAffectiveProcess ap = WindowedAffectiveProcess.open(new DjlBackend(), Engine.named("djl"), ModelFile.Contents.of(
                WeightInitializer.initialize(ApModelSpec.paperValenceArousal(), 5), InferenceOptions.paper(), Provenance.untrained("test", "djl", "untrained")))) {
            ap.save(model);
        }
        Path clip = ExtractCommandTest.greyClip(dir.resolve("grey.avi"), 3);
        Object[] r = ExtractCommandTest.run(new PredictCommand(), clip.toString(), "--model", model.toString(), "-o",
                dir.resolve("x.csv").toString(), "--quiet");
        assertThat(r[0]).isNotEqualTo(0);
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }
}
