package org.affectiveprocesses.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContextSelectorsTest {
    private static final double[] SIGMA = {0.5, 0.1, 0.9, 0.3, 0.7, 0.2};

    @Test
    void lowestAndHighestSigmaPickTheRightFrames() {
        ContextCandidates c = ContextCandidates.of(SIGMA, 1);
        assertThat(ContextSelectors.lowestSigma().select(c, 3)).containsExactly(1, 3, 5);
        assertThat(ContextSelectors.highestSigma().select(c, 2)).containsExactly(2, 4);
        assertThat(ContextSelectors.all().select(c, 2)).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void sigmaOrderMatchesASortOfTheValuesIncludingNegativesAndDuplicates() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            double[] sigma = new double[70];
            for (int i = 0; i < sigma.length; i++) {
                sigma[i] = rng.nextInt(4) == 0 ? 0.5 : rng.nextGaussian();
            }
            int c = 1 + rng.nextInt(70);
            Integer[] order = new Integer[70];
            for (int i = 0; i < 70; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, java.util.Comparator.<Integer>comparingDouble(i -> sigma[i]).thenComparingInt(i -> i));
            int[] expected = java.util.Arrays.stream(order).limit(c).mapToInt(Integer::intValue).sorted().toArray();
            assertThat(ContextSelectors.lowestSigma().select(ContextCandidates.of(sigma, 0), c)).containsExactly(expected);
            java.util.Arrays.sort(order, java.util.Comparator.<Integer>comparingDouble(i -> -sigma[i]).thenComparingInt(i -> i));
            int[] expectedHigh = java.util.Arrays.stream(order).limit(c).mapToInt(Integer::intValue).sorted().toArray();
            assertThat(ContextSelectors.highestSigma().select(ContextCandidates.of(sigma, 0), c)).containsExactly(expectedHigh);
        }
    }

    @Test
    void tiesGoToTheEarlierFrame() {
        ContextCandidates c = ContextCandidates.of(new double[] {0.2, 0.1, 0.2, 0.2}, 1);
        assertThat(ContextSelectors.lowestSigma().select(c, 2)).containsExactly(0, 1);
        assertThat(ContextSelectors.highestSigma().select(c, 2)).containsExactly(0, 2);
    }

    @Test
    void randomIsReproduciblePerWindowAndVariesAcrossWindows() {
        ContextSelector r = ContextSelectors.random(7);
        double[] sigma = new double[70];
        int[] a = r.select(new ContextCandidates(sigma, 70, 11), 40);
        assertThat(r.select(new ContextCandidates(sigma, 70, 11), 40)).containsExactly(a);
        assertThat(r.select(new ContextCandidates(sigma, 70, 12), 40)).isNotEqualTo(a);
        assertThat(a).hasSize(40).doesNotHaveDuplicates().isSorted();
        assertThat(java.util.Arrays.stream(a).allMatch(i -> i >= 0 && i < 70)).isTrue();
    }

    @Test
    void contextLargerThanWindowIsAClearError() {
        ContextCandidates c = ContextCandidates.of(SIGMA, 1);
        assertThatThrownBy(() -> ContextSelectors.lowestSigma().select(c, 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("context size 7 is outside [1, 6]");
        assertThatThrownBy(() -> ContextSelectors.random(1).select(c, 0))
                .hasMessageContaining("context size 0");
    }

    @Test
    void sigmaSelectorsExplainWhenNoSigmaExists() {
        ContextCandidates noSigma = new ContextCandidates(null, 5, 0);
        assertThatThrownBy(() -> ContextSelectors.lowestSigma().select(noSigma, 2))
                .hasMessageContaining("deterministic AP");
    }

    @Test
    void describeAndParseRoundTripBuiltIns() {
        for (ContextSelector s : new ContextSelector[] {ContextSelectors.lowestSigma(),
                ContextSelectors.highestSigma(), ContextSelectors.all(), ContextSelectors.random(42)}) {
            ContextSelector back = ContextSelectors.parse(ContextSelectors.describe(s));
            assertThat(back).isEqualTo(s);
        }
        assertThat(ContextSelectors.describe(ContextSelectors.random(42))).isEqualTo("random:42");
        assertThatThrownBy(() -> ContextSelectors.parse("java.lang.Runtime")).hasMessageContaining("unknown context selector");
        ContextSelector custom = (c, k) -> new int[] {0};
        assertThatThrownBy(() -> ContextSelectors.describe(custom)).hasMessageContaining("user-defined");
    }
}
