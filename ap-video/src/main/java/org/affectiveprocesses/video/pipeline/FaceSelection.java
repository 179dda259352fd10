package org.affectiveprocesses.video.pipeline;

/** Which of a frame's faces are analysed and reported. Every face is tracked either way. */
public enum FaceSelection {
    /** The largest face of each frame (its id says whose it is). */
    LARGEST,
    /** Every face the detector finds. */
    ALL
}
