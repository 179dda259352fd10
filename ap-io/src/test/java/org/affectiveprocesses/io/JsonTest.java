package org.affectiveprocesses.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.ApVariant;
import org.affectiveprocesses.api.Configuration;
import org.affectiveprocesses.api.ContextSelectors;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.api.Objective;
import org.affectiveprocesses.api.Provenance;
import org.affectiveprocesses.api.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public manifest helpers other modules build their model files with. */
class JsonTest {
    private static final Path FILE = Path.of("m.apmodel");

    @TempDir
    Path dir;

    private static Json.Fields parse(String text) throws ModelFormatException {
        return Json.parse(text, FILE, "apmodel.json");
    }

    @Test
    void parsingIsStrict() {
        assertThatThrownBy(() -> parse("{\"a\": 1, \"a\": 2}")).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("m.apmodel").hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> parse("{\"a\": NaN}")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> parse("{} {}")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> parse("[1]")).hasMessageContaining("is not a JSON object");
    }

    @Test
    void fieldsNameTheirPathInErrors() throws ModelFormatException {
        Json.Fields f = parse("{\"outer\": {\"std\": [0.5, 2], \"bad\": [1, \"x\"], \"n\": 3}}");
        Json.Fields outer = f.object("outer");
        assertThat(outer.finites("std")).containsExactly(0.5, 2.0);
        assertThatThrownBy(() -> outer.finites("bad")).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("field 'outer.bad[1]' must be a finite number, found 'x'");
        assertThatThrownBy(() -> outer.finites("n")).hasMessageContaining("field 'outer.n' must be a JSON array");
        assertThatThrownBy(() -> outer.only("std")).hasMessageContaining("field 'outer.bad' is not a known field");
        assertThatThrownBy(() -> outer.text("missing")).hasMessageContaining("field 'outer.missing' is missing");
    }

    @Test
    void theFormatVersionMustBeTheSupportedInteger() throws ModelFormatException {
        parse("{\"formatVersion\": 1}").requireFormatVersion(1);
        assertThatThrownBy(() -> parse("{\"formatVersion\": 2}").requireFormatVersion(1))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("format version 2 is not supported; this SDK reads 1 (entry 'apmodel.json' "
                        + "field 'formatVersion')");
        assertThatThrownBy(() -> parse("{\"formatVersion\": \"1\"}").requireFormatVersion(1))
                .hasMessageContaining("field 'formatVersion' must be an integer, found '1'");
        assertThatThrownBy(() -> parse("{}").requireFormatVersion(1))
                .hasMessageContaining("field 'formatVersion' is missing");
    }

    @Test
    void provenanceRoundTripsWithNonFiniteAndMissingScores() throws ModelFormatException {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("CCC", 0.25);
        scores.put("nan", Double.NaN);
        scores.put("inf", Double.POSITIVE_INFINITY);
        scores.put("-inf", Double.NEGATIVE_INFINITY);
        scores.put("none", null);
        Provenance p = new Provenance("v", "djl", "2021-06-19T12:00:00Z", Configuration.textOnly("c"), "t", "v",
                scores, 4);
        ObjectNode root = Json.object();
        root.set("provenance", Json.provenance(p));
        String text = Json.write(root);
        assertThat(text).endsWith("}\n").contains("\"nan\" : \"NaN\"", "\"-inf\" : \"-Infinity\"", "\"none\" : null");
        Provenance read = Json.provenance(parse(text).object("provenance"));
        assertThat(read.validationScores()).containsExactlyEntriesOf(scores);
        assertThat(read.bestEpoch()).isEqualTo(4);
        assertThat(read.trainingConfig()).isEqualTo(Configuration.textOnly("c"));
    }

    @Test
    void aTrainingConfigurationRoundTripsThroughJsonAndRebuildsTheConfig() throws ModelFormatException {
        TrainingConfig config = TrainingConfig.actionUnits().withSeed(-7).withSchedule(3, 11).withLearningRate(3.0)
                .withObjective(Objective.NLL_KL).withInputStandardization(false)
                .withArchitecture(ApArchitecture.paper().withVariant(ApVariant.LATENT_DETERMINISTIC).withSizes(24, 16))
                .withValidation(InferenceOptions.paper().withContextSize(7).withHop(5).withSamples(2, 99)
                        .withSelector(ContextSelectors.random(-3)));
        ObjectNode root = Json.object();
        root.set("c", Json.configuration(config.toConfiguration()));
        String text = Json.write(root);
        assertThat(text).contains("\"learningRate\" : 3.0", "\"seed\" : -7", "\"selector\" : \"random:-3\"");
        Configuration read = Json.configuration(parse(text).object("c"));
        assertThat(read).isEqualTo(config.toConfiguration());
        assertThat(TrainingConfig.fromConfiguration(read)).isEqualTo(config);
    }

    @Test
    void aConfigurationOfAnotherKindOrTooDeepIsRejected() {
        String array = "{\"c\": {\"type\": \"T\", \"version\": 1, \"values\": {\"a\": [1, 2]}}}";
        assertThatThrownBy(() -> Json.configuration(parse(array).object("c")))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("c.values.a");
        String deep = "{\"type\": \"T\", \"version\": 1, \"values\": {}}";
        for (int i = 0; i < Json.MAX_CONFIGURATION_DEPTH; i++) {
            deep = "{\"type\": \"T\", \"version\": 1, \"values\": {\"x\": " + deep + "}}";
        }
        String text = "{\"c\": " + deep + "}";
        assertThatThrownBy(() -> Json.configuration(parse(text).object("c"))).hasMessageContaining("deeper than");
        assertThatThrownBy(() -> TrainingConfig.fromConfiguration(Configuration.textOnly("TrainingConfig[seed=1]")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stored as text only");
    }

    @Test
    void anArchiveRoundTripsItsTensorsAndRefusesForeignOnes() throws IOException {
        Path file = dir.resolve("a.apmodel");
        ObjectNode manifest = Json.object();
        manifest.put("format", ModelArchive.FORMAT);
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("w", NpyArray.ofFloats(new int[] {2, 1}, new float[] {1, 2}));
        arrays.put("b", NpyArray.ofFloats(new int[] {1}, new float[] {3}));
        ModelArchive.write(file, manifest, arrays);
        List<TensorSpec> expected = List.of(new TensorSpec("w", new int[] {2, 1}), new TensorSpec("b", new int[] {1}));
        try (NpzReader r = NpzArchive.open(file)) {
            assertThat(r.entryNames()).containsExactly(ModelArchive.MANIFEST, "w.npy", "b.npy", NpzArchive.CHECKSUMS);
            Json.Fields m = ModelArchive.manifest(r, "a test file");
            m.only("format", "tensors");
            Map<String, float[]> values = ModelArchive.tensors(r, m, expected, "the test model", "test");
            assertThat(values.keySet()).containsExactly("w", "b");
            assertThat(values.get("w")).containsExactly(1f, 2f);
            assertThatThrownBy(() -> ModelArchive.tensors(r, m, expected.subList(0, 1), "the test model", "test"))
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining("field 'tensors[1].name' names the tensor 'b', which is not part of the "
                            + "test model");
        }
        Map<String, NpyArray> doubles = Map.of("d", NpyArray.ofDoubles(new int[] {1}, new double[] {1}));
        assertThatThrownBy(() -> ModelArchive.write(dir.resolve("d.apmodel"), Json.object(), doubles))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'<f4'");
    }
}
