package org.affectiveprocesses.api;

/**
 * Chooses the context frames of a window at test time (the paper's Sec. 3.2.2). The built-in
 * selectors are in {@link ContextSelectors}; a user-defined one is a lambda:
 *
 * <pre>{@code
 * ContextSelector firstFrames = (candidates, c) -> java.util.stream.IntStream.range(0, c).toArray();
 * }</pre>
 *
 * <p>Implementations return distinct indices in {@code [0, windowLength)}, normally {@code
 * contextSize} of them ({@link ContextSelectors#all()} returns every frame); the SDK checks this
 * and rejects anything else with a clear error naming the selector.
 */
@FunctionalInterface
public interface ContextSelector {

    /**
     * Picks the context.
     *
     * @param candidates the window's per-frame uncertainties and key
     * @param contextSize how many frames to pick, {@code 1 <= contextSize <= windowLength}
     * @return the chosen frame indices within the window
     */
    int[] select(ContextCandidates candidates, int contextSize);

    /** A short name for tables and charts. */
    default String name() {
        return "custom";
    }

    /** Whether this selector reads the per-frame σ (so it cannot serve a deterministic AP). */
    default boolean needsUncertainty() {
        return false;
    }
}
