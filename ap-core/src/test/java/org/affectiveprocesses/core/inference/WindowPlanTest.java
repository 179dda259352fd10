package org.affectiveprocesses.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowPlanTest {

    @Test
    void nonOverlappingWindowsWithTheLastAlignedToTheEnd() {
        assertThat(WindowPlan.cover(150, 70, 70)).containsExactly(
                new WindowPlan.Window(0, 70), new WindowPlan.Window(70, 70), new WindowPlan.Window(80, 70));
        assertThat(WindowPlan.cover(140, 70, 70)).containsExactly(
                new WindowPlan.Window(0, 70), new WindowPlan.Window(70, 70));
    }

    @Test
    void shortSequencesAreOneWindowAndEmptyOnesNone() {
        assertThat(WindowPlan.cover(12, 70, 35)).containsExactly(new WindowPlan.Window(0, 12));
        assertThat(WindowPlan.cover(0, 70, 70)).isEmpty();
    }

    @Test
    void everyFrameIsCoveredForAnyHop() {
        for (int n = 1; n < 300; n += 7) {
            for (int hop : new int[] {1, 10, 35, 70}) {
                List<WindowPlan.Window> ws = WindowPlan.cover(n, 70, hop);
                boolean[] seen = new boolean[n];
                for (WindowPlan.Window w : ws) {
                    assertThat(w.start()).isBetween(0, n - 1);
                    assertThat(w.start() + w.length()).isLessThanOrEqualTo(n);
                    for (int t = w.start(); t < w.start() + w.length(); t++) {
                        seen[t] = true;
                    }
                }
                for (boolean s : seen) {
                    assertThat(s).isTrue();
                }
            }
        }
    }

    @Test
    void rejectsBadHops() {
        assertThatThrownBy(() -> WindowPlan.cover(10, 5, 6)).isInstanceOf(IllegalArgumentException.class);
    }
}
