package org.affectiveprocesses.synthetic;

/**
 * What degrades a face region in a frame of the synthetic corpus (see {@link
 * SyntheticAffectCorpus}, "Degradation"). Each type has its own prototype in feature space, so a
 * frozen head's output on a degraded frame is biased in a type-specific way.
 */
public enum DegradationType {
    /** Nothing: the region is clean. */
    NONE,
    /** A hand, microphone or mask over the mouth and chin: the lower blocks, leaking into the upper. */
    LOWER_OCCLUSION,
    /** A hand on the brow or eyes, or hair: the upper blocks, leaking into the lower. */
    UPPER_OCCLUSION,
    /** Motion blur, bad exposure or a compression burst: every block alike. */
    GLOBAL,
    /** A head turned beyond 45° of yaw: the far column fully, the near column half as much. */
    EXTREME_POSE
}
