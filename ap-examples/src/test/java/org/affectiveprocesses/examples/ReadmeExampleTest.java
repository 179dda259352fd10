package org.affectiveprocesses.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.affectiveprocesses.api.AffectCorpus;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.evaluation.Evaluation;
import org.affectiveprocesses.synthetic.SyntheticAffectCorpus;
import org.affectiveprocesses.synthetic.SyntheticConfig;
import org.junit.jupiter.api.Test;

/** Keeps the README's Java example compiling: its code is the body of {@link #readmeExample()}. */
class ReadmeExampleTest {

    @SuppressWarnings("unused")
    static void readmeExample() throws IOException {
        // readme-example:start
        AffectCorpus corpus = SyntheticAffectCorpus.generate(SyntheticConfig.valenceArousal());
        TrainingConfig config = TrainingConfig.valenceArousal().withSeed(1).withSchedule(6, 250);
        try (AffectiveProcess ap = AffectiveProcess.trainer(config)
                .fit(corpus.split("train"), corpus.split("validation"))) {
            System.out.println(Evaluation.of(ap, corpus.split("test")).toMarkdown());
            AffectSequence video = corpus.split("test").get(0);
            Prediction p = ap.predict(video, ap.defaultOptions().withSamples(10, 7));
            System.out.printf("frame 100: valence %+.2f ± %.2f (context %s)%n",
                    p.mean(100, 0), p.std(100, 0), Arrays.toString(p.windows().get(0).contextFrames()));
            ap.save(Path.of("va.apmodel"));
        }
        // readme-example:end
    }

    @Test
    void readmeShowsExactlyTheCompiledExample() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        String block = readme.substring(readme.indexOf("<!-- readme-example:start -->"),
                readme.indexOf("<!-- readme-example:end -->"));
        List<String> shown = block.lines().filter(l -> !l.startsWith("<!--") && !l.startsWith("```"))
                .map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.toList());
        String source = Files.readString(root.resolve(
                "ap-examples/src/test/java/org/affectiveprocesses/examples/ReadmeExampleTest.java"), StandardCharsets.UTF_8);
        String body = source.substring(source.indexOf("// readme-example:start") + 23,
                source.indexOf("// readme-example:end"));
        List<String> compiled = body.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.toList());
        assertThat(shown).isNotEmpty().isEqualTo(compiled);
        // the example's corpus is the default one of ap demo and --synthetic va (DefaultCorpusTest)
        assertThat(shown).contains("AffectCorpus corpus = SyntheticAffectCorpus.generate(SyntheticConfig.valenceArousal());");
    }
}
