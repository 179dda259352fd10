/**
 * Video in, per-frame affect out: {@link org.affectiveprocesses.video.AffectRecognizer} decodes a
 * video, follows its faces, finds their landmarks and head poses, encodes them with a backbone (by
 * default face-api's expression network) and optionally reads each face's frames with an
 * Affective Process or smooths them, streaming {@link org.affectiveprocesses.video.FrameAffect}s.
 */
package org.affectiveprocesses.video;
