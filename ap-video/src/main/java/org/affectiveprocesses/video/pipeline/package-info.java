/**
 * The per-frame pipeline behind {@link org.affectiveprocesses.video.AffectRecognizer}: decode;
 * shot cuts, detection and tracking ({@link org.affectiveprocesses.video.pipeline.DetectionStage});
 * landmarks, head pose, backbone and identity
 * ({@link org.affectiveprocesses.video.pipeline.AnalysisStage}); on the caller's thread frame by
 * frame ({@link org.affectiveprocesses.video.pipeline.FrameAnalyzer}) or on two threads with
 * batched networks ({@link org.affectiveprocesses.video.pipeline.PipelinedAnalyzer}), with
 * per-stage timings.
 */
package org.affectiveprocesses.video.pipeline;
