package org.affectiveprocesses.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.affectiveprocesses.api.ContextSelector;
import org.junit.jupiter.api.Test;

class SelectedContextTest {
    @Test
    void validationCatchesBadUserSelectors() {
        ContextSelector dup = (c, k) -> new int[] {1, 1};
        assertThatThrownBy(() -> SelectedContext.validated(dup, dup.select(null, 2), 5, 2))
                .hasMessageContaining("chose frame 1 twice");
        assertThatThrownBy(() -> SelectedContext.validated(dup, new int[] {5}, 5, 1))
                .hasMessageContaining("chose frame 5 of a 5-frame window");
        assertThat(SelectedContext.validated(dup, new int[] {3, 0}, 5, 2)).containsExactly(0, 3);
    }

    @Test
    void anEmptyOrShortContextIsNamed() {
        ContextSelector none = (c, k) -> new int[0];
        assertThatThrownBy(() -> SelectedContext.validated(none, new int[0], 5, -1)).hasMessageContaining("chose no frame");
        assertThatThrownBy(() -> SelectedContext.validated(none, new int[] {1}, 5, 2))
                .hasMessageContaining("chose 1 frames, 2 were asked for");
    }
}
