/**
 * Video in, per-frame affect out: {@link org.affectiveprocesses.video.AffectRecognizer} decodes a
 * video, follows one face, encodes it with a backbone (by default face-api's expression network)
 * and optionally reads the sequence with an Affective Process, streaming
 * {@link org.affectiveprocesses.video.FrameAffect}s.
 */
package org.affectiveprocesses.video;
