package org.affectiveprocesses.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.affectiveprocesses.synthetic.SyntheticConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * One default corpus everywhere: the README's Java example ({@link SyntheticConfig#valenceArousal()}),
 * {@code ap demo}, {@code --synthetic va} and {@code ap store synthetic} mean the same data unless
 * the user asks for another seed.
 */
class DefaultCorpusTest {

    private static Object command(String... args) {
        CommandLine.ParseResult parsed = ApCommand.commandLine().parseArgs(args);
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        return parsed.commandSpec().userObject();
    }

    @Test
    void everyCommandsDefaultIsTheValenceArousalPreset() {
        SyntheticConfig preset = SyntheticConfig.valenceArousal();
        assertThat(((DemoCommand) command("demo")).corpusConfig()).isEqualTo(preset);
        assertThat(((EvaluateCommand) command("evaluate", "--synthetic", "va", "-m", "m.apmodel")).data.syntheticConfig())
                .isEqualTo(preset);
        assertThat(((TrainCommand) command("train", "--synthetic", "va", "-o", "m.apmodel")).data.syntheticConfig())
                .isEqualTo(preset);
        assertThat(((StoreCommand.Synthetic) command("store", "synthetic", "dir")).corpusConfig()).isEqualTo(preset);
        assertThat(preset.corpusName()).isEqualTo("synthetic-va(seed 1)");
        // and the README's Java example generates SyntheticConfig.valenceArousal(): ReadmeExampleTest
    }

    @Test
    void aSeedOptionChangesTheSeedOnly() {
        SyntheticConfig seven = SyntheticConfig.valenceArousal().withSeed(7);
        assertThat(((DemoCommand) command("demo", "--seed", "7")).corpusConfig()).isEqualTo(seven);
        assertThat(((EvaluateCommand) command("evaluate", "--synthetic", "va", "--synthetic-seed", "7", "-m", "m"))
                .data.syntheticConfig()).isEqualTo(seven);
        assertThat(((StoreCommand.Synthetic) command("store", "synthetic", "--seed", "7", "dir")).corpusConfig())
                .isEqualTo(seven);
        assertThat(((DemoCommand) command("demo", "--labels", "au")).corpusConfig()).isEqualTo(SyntheticConfig.actionUnits());
        EvaluateCommand unknown = (EvaluateCommand) command("evaluate", "--synthetic", "vaa", "-m", "m");
        assertThatThrownBy(unknown.data::syntheticConfig).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("unknown --synthetic 'vaa'; expected one of [va, au, small]");
    }
}
