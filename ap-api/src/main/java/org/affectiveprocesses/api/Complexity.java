package org.affectiveprocesses.api;

/**
 * The size and cost of a temporal model, counted from its actual layers.
 *
 * @param parameters the number of trainable parameters
 * @param multiplyAdds multiply-accumulate operations for one window (thop's "FLOPs")
 * @param windowLength the window length the cost was counted for
 */
public record Complexity(long parameters, long multiplyAdds, int windowLength) {
    /** @throws IllegalArgumentException if a count is negative */
    public Complexity {
        if (parameters < 0 || multiplyAdds < 0 || windowLength < 1) {
            throw new IllegalArgumentException("bad complexity " + parameters + "/" + multiplyAdds
                    + " at L=" + windowLength);
        }
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%,d parameters, %.1f M multiply-adds at L=%d",
                parameters, multiplyAdds / 1e6, windowLength);
    }
}
