package org.affectiveprocesses.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code ap compare}: the complexity table and its usage errors (training runs by hand: minutes). */
class CompareCommandTest {

    @Test
    void printsTheComplexityTableCountedFromTheLayers() {
        CliRun run = CliRun.of("compare", "--complexity-only");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("| AP | 70 | 330,884 |")
                .contains("| ConvGRU (over time) | 30 | 1,232,130 | 36.9 M | ~789 K | ~758 M |")
                .contains("| Self-Attn | 30 | 4,206,594 | 127.7 M | ~4.2 M | ~125 M |");
    }

    @Test
    void refusesUnknownLabels() {
        CliRun run = CliRun.of("compare", "--labels", "emotions");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--labels must be va or au, got 'emotions'");
    }
}
