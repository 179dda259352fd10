package org.affectiveprocesses.metrics;

/**
 * The single-measure intraclass correlations of Shrout &amp; Fleiss (1979), "Intraclass
 * correlations: uses in assessing rater reliability", Psychological Bulletin 86(2). With
 * {@code n} targets, {@code k} raters and the mean squares of {@link MeanSquares}:
 *
 * <ul>
 *   <li>{@link #ICC_1_1}: {@code (BMS - WMS) / (BMS + (k-1) WMS)}
 *   <li>{@link #ICC_2_1}: {@code (BMS - EMS) / (BMS + (k-1) EMS + k (JMS - EMS) / n)}
 *   <li>{@link #ICC_3_1}: {@code (BMS - EMS) / (BMS + (k-1) EMS)}
 * </ul>
 */
public enum IccType {
    /** ICC(1,1): one-way random effects, single rater; raters are not distinguished. */
    ICC_1_1("ICC(1,1)"),
    /** ICC(2,1): two-way random effects, absolute agreement, single rater. */
    ICC_2_1("ICC(2,1)"),
    /**
     * ICC(3,1): two-way mixed effects, consistency, single rater. The FERA criterion for Action
     * Unit intensity; a constant offset of one rater does not change it.
     */
    ICC_3_1("ICC(3,1)");

    private final String displayName;

    IccType(String displayName) {
        this.displayName = displayName;
    }

    /**
     * The conventional name, e.g. {@code "ICC(3,1)"}.
     *
     * @return the display name
     */
    public String displayName() {
        return displayName;
    }
}
