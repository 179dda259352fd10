package org.affectiveprocesses.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.affectiveprocesses.api.ContextCandidates;
import org.affectiveprocesses.api.ContextSelector;
import org.affectiveprocesses.api.ContextSelectors;
import org.junit.jupiter.api.Test;

/**
 * After every step the sliding context is exactly what the selector picks for the window of the
 * last L frames (ties included), and what it reported entering and leaving adds up to it.
 */
class SlidingContextTest {

    @Test
    void lowestAndHighestSigmaMatchTheBatchSelectorAtEveryStep() {
        for (ContextSelector s : new ContextSelector[] {ContextSelectors.lowestSigma(), ContextSelectors.highestSigma()}) {
            check(s, 12, 5, 200, true, 1);
            check(s, 7, 7, 60, true, 2);
            check(s, 9, 20, 40, true, 3);
        }
    }

    @Test
    void allRandomAndCustomSelectorsMatchAtEveryStep() {
        check(ContextSelectors.all(), 10, 4, 50, true, 4);
        check(ContextSelectors.random(7), 10, 4, 80, false, 5);
        ContextSelector evenFrames = (candidates, c) -> java.util.stream.IntStream.range(0, candidates.windowLength())
                .filter(i -> i % 2 == 0).toArray();
        check(evenFrames, 6, 3, 30, false, 6);
    }

    @Test
    void aSelectorThatChoosesOutsideTheWindowIsNamed() {
        ContextSelector bad = (candidates, c) -> new int[] {candidates.windowLength()};
        SlidingContext sc = new SlidingContext(5, 2, bad, false, new Recorder());
        assertThatThrownBy(() -> sc.slide(Float.NaN, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("custom").hasMessageContaining("chose frame 1 of a 1-frame window");
    }

    /** Slides over n frames with σ drawn from few values (so ties occur) and compares every window. */
    private static void check(ContextSelector selector, int l, int c, int n, boolean withSigma, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Recorder members = new Recorder();
        SlidingContext sc = new SlidingContext(l, c, selector, withSigma, members);
        float[] sigma = new float[n];
        for (int f = 0; f < n; f++) {
            sigma[f] = withSigma ? 1f + rng.nextInt(6) * 0.125f : Float.NaN;
            int start = Math.max(0, f - l + 1);
            int size = f - start + 1;
            long key = 1000 + start;
            boolean changed = sc.slide(sigma[f], key);
            double[] window = null;
            if (withSigma) {
                window = new double[size];
                for (int i = 0; i < size; i++) {
                    window[i] = sigma[start + i];
                }
            }
            int[] expected = selector.select(new ContextCandidates(window, size, key), Math.min(c, size));
            TreeSet<Long> want = new TreeSet<>();
            for (int i : expected) {
                want.add((long) start + i);
            }
            long[] got = new long[l];
            int count = sc.selected(got);
            assertThat(Arrays.stream(got, 0, count).boxed().toList()).as("context after frame %d", f)
                    .containsExactlyElementsOf(want);
            assertThat(sc.selectedCount()).isEqualTo(count);
            assertThat(sc.size()).isEqualTo(size);
            assertThat(members.now).as("entered minus left after frame %d", f).isEqualTo(want);
            assertThat(changed || members.changes == 0).isTrue();
            members.changes = 0;
        }
    }

    /** Keeps the set that the enter and leave calls describe. */
    private static final class Recorder implements SlidingContext.Members {
        final TreeSet<Long> now = new TreeSet<>();
        int changes;

        @Override
        public void entered(long frame) {
            assertThat(now.add(frame)).as("frame %d entered twice", frame).isTrue();
            changes++;
        }

        @Override
        public void left(long frame) {
            assertThat(now.remove(frame)).as("frame %d left without being in", frame).isTrue();
            changes++;
        }
    }
}
