package org.affectiveprocesses.core.inference;

import java.util.Arrays;
import org.affectiveprocesses.api.ContextSelector;

/** Checks the context a (possibly user-written) {@link ContextSelector} chose for one window. */
final class SelectedContext {
    private SelectedContext() {
    }

    /**
     * Checks what a selector returned and gives it back sorted.
     *
     * @throws IllegalStateException naming the selector if an index is out of range or repeated,
     *     or the count is wrong
     */
    static int[] validated(ContextSelector selector, int[] chosen, int windowLength,
            int expected) {
        if (chosen == null) {
            throw new IllegalStateException("context selector '" + selector.name() + "' returned null");
        }
        int[] sorted = chosen.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] < 0 || sorted[i] >= windowLength) {
                throw new IllegalStateException("context selector '" + selector.name()
                        + "' chose frame " + sorted[i] + " of a " + windowLength + "-frame window");
            }
            if (i > 0 && sorted[i] == sorted[i - 1]) {
                throw new IllegalStateException("context selector '" + selector.name()
                        + "' chose frame " + sorted[i] + " twice");
            }
        }
        if (sorted.length == 0) {
            throw new IllegalStateException("context selector '" + selector.name() + "' chose no frame");
        }
        if (expected >= 0 && sorted.length != expected) {
            throw new IllegalStateException("context selector '" + selector.name() + "' chose "
                    + sorted.length + " frames, " + expected + " were asked for");
        }
        return sorted;
    }
}
