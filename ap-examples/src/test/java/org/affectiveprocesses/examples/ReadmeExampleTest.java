package org.affectiveprocesses.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
        List<String> shown = ReadmeBlock.shown("example");
        assertThat(shown).isNotEmpty().isEqualTo(ReadmeBlock.compiled(ReadmeExampleTest.class, "example"));
        // the example's corpus is the default one of ap demo and --synthetic va (DefaultCorpusTest)
        assertThat(shown).contains("AffectCorpus corpus = SyntheticAffectCorpus.generate(SyntheticConfig.valenceArousal());");
    }
}
