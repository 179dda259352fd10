/**
 * The per-frame pipeline behind {@link org.affectiveprocesses.video.AffectRecognizer}: decode,
 * detect, follow one face, encode ({@link org.affectiveprocesses.video.pipeline.FrameAnalyzer}),
 * with per-stage timings.
 */
package org.affectiveprocesses.video.pipeline;
