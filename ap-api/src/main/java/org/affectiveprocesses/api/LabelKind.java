package org.affectiveprocesses.api;

/** The family of a {@link LabelSpace}, which decides the paper's headline metric for it. */
public enum LabelKind {
    /** Continuous valence and arousal in [-1, 1]; scored by CCC. */
    VALENCE_AROUSAL,
    /** Action Unit intensities (FACS, 0-5), normalised to [-1, 1]; scored by ICC(3,1). */
    ACTION_UNITS,
    /** Any other set of continuous dimensions; scored by CCC. */
    CUSTOM
}
