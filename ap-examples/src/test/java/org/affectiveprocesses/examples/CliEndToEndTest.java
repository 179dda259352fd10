package org.affectiveprocesses.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.corpora.FeatureStore;
import org.affectiveprocesses.synthetic.SyntheticConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ap} command line end to end on the small synthetic corpus: store, train, evaluate
 * (tables, JSON, CSV, HTML), plot; exit codes and error messages.
 */
class CliEndToEndTest {
    @TempDir
    static Path dir;
    static Path store;
    static Path model;
    static CliRun trained;

    /** A tiny schedule and architecture: the point is the plumbing, not the score. */
    static final String[] QUICK = {"--epochs", "1", "--iterations", "15", "--batch", "8", "--lr", "1e-3",
        "--hidden", "32", "--latent", "16", "--window", "40", "--context", "20"};

    @BeforeAll
    static void storeAndTrain() {
        store = dir.resolve("store");
        model = dir.resolve("m.apmodel");
        CliRun made = CliRun.of("store", "synthetic", "--preset", "small", "--seed", "5", store.toString());
        assertThat(made.code()).as(made.err()).isZero();
        String[] args = concat(new String[] {"train", "--store", store.toString(), "-o", model.toString(),
            "--min-context", "2"}, QUICK);
        trained = CliRun.of(args);
    }

    @Test
    void theRootHelpListsEverySubcommandAndEachHasHelp() {
        CliRun help = CliRun.of("--help");
        assertThat(help.code()).isZero();
        assertThat(ApCommand.commandLine().getSubcommands().keySet())
                .contains("demo", "bench", "train", "evaluate", "plot", "store", "import");
        for (String c : ApCommand.commandLine().getSubcommands().keySet()) {
            if (c.equals("help")) {
                continue;
            }
            assertThat(help.out()).contains("  " + c + " ");
            CliRun sub = CliRun.of(c, "--help");
            assertThat(sub.code()).as(c).isZero();
            assertThat(sub.out()).as(c).contains("Usage: ap " + c);
        }
        assertThat(CliRun.of("plot", "window", "--help").out()).contains("--samples");
        assertThat(CliRun.of("store", "info", "--help").out()).contains("DIR");
    }

    @Test
    void storeInfoReadsHeadersOnly() {
        CliRun info = CliRun.of("store", "info", store.toString());
        assertThat(info.code()).as(info.err()).isZero();
        assertThat(info.out()).contains("label space: valence-arousal").contains("| train | 8 | 4 |")
                .contains("| test | 4 | 2 |");
    }

    @Test
    void trainWritesAModelWithProgressAndEpochLines() throws IOException {
        assertThat(trained.code()).as(trained.err()).isZero();
        assertThat(trained.out()).contains("Training AP (nll+reg)").contains("epoch 1/1").contains("Saved ");
        assertThat(trained.err()).contains("epoch 1/1 [").contains("15/15");
        try (AffectiveProcess ap = AffectiveProcess.load(model)) {
            assertThat(ap.featureSize()).isEqualTo(64);
            assertThat(ap.info().provenance().trainingData()).contains("train");
            assertThat(ap.defaultOptions().windowLength()).isEqualTo(40);
            assertThat(TrainingConfig.fromConfiguration(ap.info().provenance().trainingConfig()).minContextPoints())
                    .isEqualTo(2);
        }
    }

    @Test
    void evaluateWritesTablesJsonCsvHtmlAndFigures() throws IOException {
        Path json = dir.resolve("out/eval.json");
        Path csv = dir.resolve("out/eval.csv");
        Path html = dir.resolve("out/eval.html");
        Path figs = dir.resolve("out/figs");
        Files.createDirectories(dir.resolve("out")); // outputs go into existing directories (ap never creates parents)
        CliRun r = CliRun.of("evaluate", "--store", store.toString(), "-m", model.toString(), "--split", "test",
                "--json", json.toString(), "--csv", csv.toString(), "--html", html.toString(), "--figures-dir",
                figs.toString(), "--figures", "1", "--samples", "3", "--context-study", "--sizes", "10,30");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("| Model | valence | arousal | Mean |").contains("| Backbone |").contains("| AP |")
                .contains("| CCC |").contains("| lowest-sigma | Mean |");
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("format").asText()).isEqualTo("affective-process-evaluation");
        assertThat(j.get("protocol").get("context").asInt()).isEqualTo(20);
        assertThat(j.get("pooled").get("AP").get("sequences").asInt()).isEqualTo(4);
        double ccc = j.get("pooled").get("AP").get("values").get("CCC").get("valence").asDouble();
        assertThat(ccc).isBetween(-1.0, 1.0);
        assertThat(j.get("folds").get(0).get("modelFile").asText()).isEqualTo(model.toString());
        assertThat(j.get("contextStudy").get("selectors").get("lowest-sigma").get("mean")).hasSize(2);
        JsonNode contextError = j.get("contextStudy").get("selectors").get("random").get("contextError");
        assertThat(contextError).hasSize(2);
        assertThat(contextError.get(0).asDouble()).isPositive();
        assertThat(r.out()).contains("| random | backbone error on context (relative) |");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("scope,model,metric,dimension,value");
        assertThat(lines).contains("test,AP,CCC,valence," + ccc);
        String page = Files.readString(html);
        assertThat(page).contains("<table>").contains("data:image/png;base64,").contains("Figure 3.");
        try (var files = Files.list(figs)) {
            List<Path> pngs = files.sorted().toList();
            assertThat(pngs).extracting(p -> p.getFileName().toString())
                    .contains("fig3-context-study.png").anyMatch(n -> n.startsWith("fig4-") && n.endsWith("-valence.png"));
            for (Path p : pngs) {
                assertThat(ImageIO.read(p.toFile())).isNotNull();
            }
        }
    }

    @Test
    void oneModelPerSplitIsScoredPerFoldAndPooled() {
        CliRun r = CliRun.of("evaluate", "--store", store.toString(), "-m", model.toString(), "-m", model.toString(),
                "-s", "validation", "-s", "test", "-q");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("| validation Backbone |", "| test AP |", "| pooled AP |");
    }

    @Test
    void evaluateWarnsWhenTheDataAreNotTheCorpusTheModelWasTrainedOn() {
        // the model was trained on the stored small corpus of seed 5: the same corpus generated
        // again is scored without a warning, another seed's corpus with one naming both
        CliRun same = CliRun.of("evaluate", "--synthetic", "small", "--synthetic-seed", "5", "-m", model.toString(), "-q");
        assertThat(same.code()).as(same.err()).isZero();
        assertThat(same.err()).doesNotContain("warning");
        CliRun other = CliRun.of("evaluate", "--synthetic", "small", "--synthetic-seed", "6", "-m", model.toString(), "-q");
        assertThat(other.code()).as(other.err()).isZero();
        assertThat(other.err()).contains("ap evaluate: warning: " + model)
                .contains("trained on '" + SyntheticConfig.small(5).corpusName() + "'")
                .contains("comes from '" + SyntheticConfig.small(6).corpusName() + "'");
        assertThat(other.out()).contains("| AP |");
    }

    @Test
    void plotWritesBothFiguresAtTheAskedSize() throws IOException {
        Path fig4 = dir.resolve("plots/fig4.png");
        Path fig3 = dir.resolve("plots/fig3.png");
        Files.createDirectories(dir.resolve("plots"));
        CliRun w = CliRun.of("plot", "window", "--store", store.toString(), "-m", model.toString(), "--dimension",
                "arousal", "--samples", "4", "--size", "640x320", "-o", fig4.toString());
        assertThat(w.code()).as(w.err()).isZero();
        BufferedImage img = ImageIO.read(fig4.toFile());
        assertThat(img.getWidth()).isEqualTo(640);
        assertThat(img.getHeight()).isEqualTo(320);
        CliRun c = CliRun.of("plot", "context", "--store", store.toString(), "-m", model.toString(), "--sizes", "10,40",
                "-o", fig3.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("Backbone: ");
        assertThat(ImageIO.read(fig3.toFile()).getWidth()).isEqualTo(720);
    }

    @Test
    void usageErrorsExitWithTwoAndRuntimeErrorsWithOneLineAndOne() {
        CliRun noModel = CliRun.of("evaluate", "--store", store.toString());
        assertThat(noModel.code()).isEqualTo(2);
        assertThat(noModel.err()).contains("Missing required option: '--model=FILE'");

        CliRun noData = CliRun.of("evaluate", "-m", model.toString());
        assertThat(noData.code()).isEqualTo(2);
        assertThat(noData.err()).contains("exactly one of --store DIR and --synthetic PRESET");

        CliRun badOption = CliRun.of("train", "--synthetic", "small", "-o", "x.apmodel", "--epochs", "0");
        assertThat(badOption.code()).isEqualTo(2);
        assertThat(badOption.err()).contains("epochs must be >= 1");
        CliRun badContext = CliRun.of("train", "--synthetic", "small", "-o", "x.apmodel", "--min-context", "0");
        assertThat(badContext.code()).isEqualTo(2);
        assertThat(badContext.err()).contains("minContextPoints must be >= 1");

        CliRun missing = CliRun.of("evaluate", "--store", store.toString(), "-m", dir.resolve("nope.apmodel").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).startsWith("ap evaluate: error: ").contains("nope.apmodel: no such file")
                .doesNotContain("\tat ");
        assertThat(missing.err().lines().count()).isEqualTo(2);

        CliRun badSplit = CliRun.of("evaluate", "--store", store.toString(), "-m", model.toString(), "-s", "dev", "--verbose");
        assertThat(badSplit.code()).isEqualTo(1);
        assertThat(badSplit.err()).contains("has no split 'dev'; its splits are [train, validation, test]")
                .contains("\tat org.affectiveprocesses.");
    }

    @Test
    void theStoreIsReadLazily() throws IOException {
        FeatureStore s = FeatureStore.open(store, 0);
        assertThat(s.videoIds()).hasSize(16);
        assertThat(s.loads()).isZero();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
