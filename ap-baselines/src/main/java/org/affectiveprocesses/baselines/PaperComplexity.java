package org.affectiveprocesses.baselines;

/**
 * The complexity figures the paper reports (Sec. 6, "Complexity"; measured with thop, whose
 * "FLOPs" are multiply-adds), as published: approximate, for comparison only.
 */
public enum PaperComplexity {
    /** The Affective Process: ~330 K parameters, ~20 M at L = 70. */
    AFFECTIVE_PROCESS(70, 330_000L, 20_000_000L),
    /** The ConvGRU: ~789 K parameters, ~758 M at L = 30. */
    CONVGRU(30, 789_000L, 758_000_000L),
    /** The BiGRU: ~1.2 M parameters, ~71 M at L = 60. */
    BIGRU(60, 1_200_000L, 71_000_000L),
    /** The self-attention model: ~4.2 M parameters, ~125 M at L = 30. */
    SELF_ATTENTION(30, 4_200_000L, 125_000_000L);

    private final int windowLength;
    private final long parameters;
    private final long multiplyAdds;

    PaperComplexity(int windowLength, long parameters, long multiplyAdds) {
        this.windowLength = windowLength;
        this.parameters = parameters;
        this.multiplyAdds = multiplyAdds;
    }

    /** The window length the paper counted at. */
    public int windowLength() {
        return windowLength;
    }

    /** The paper's (rounded) parameter count. */
    public long parameters() {
        return parameters;
    }

    /** The paper's (rounded) multiply-adds per window. */
    public long multiplyAdds() {
        return multiplyAdds;
    }
}
