package org.affectiveprocesses.video.pipeline;

import java.io.IOException;
import java.util.List;
import org.affectiveprocesses.video.decode.DecodedFrame;
import org.affectiveprocesses.video.decode.FrameSource;

/**
 * The per-frame pipeline on the caller's thread, one frame at a time: decode, detect and track
 * ({@link DetectionStage}), then landmarks, head pose, backbone and identity ({@link AnalysisStage}).
 * {@link #analyze(DecodedFrame)} also serves frames that come from elsewhere (a camera). The
 * networks run with the caller's PyTorch thread settings. Not thread-safe; does not own its parts.
 */
public final class FrameAnalyzer implements FrameStream {
    private final FrameSource source;
    private final DetectionStage detection;
    private final AnalysisStage analysis;
    private PipelineTimings timings = PipelineTimings.NONE;

    /**
     * @param source the frames (may be null when only {@link #analyze(DecodedFrame)} is used)
     * @param detection detects and tracks
     * @param analysis analyses the faces
     */
    public FrameAnalyzer(FrameSource source, DetectionStage detection, AnalysisStage analysis) {
        this.source = source;
        this.detection = detection;
        this.analysis = analysis;
    }

    @Override
    public FrameAnalysis next() throws IOException {
        long t0 = System.nanoTime();
        DecodedFrame frame = source.next();
        timings = timings.plus(new PipelineTimings(0, 0, System.nanoTime() - t0, 0, 0, 0, 0));
        return frame == null ? null : analyze(frame);
    }

    /**
     * Analyses a frame.
     *
     * @param frame the frame after the one given last
     * @return its analysis
     */
    public FrameAnalysis analyze(DecodedFrame frame) {
        long t0 = System.nanoTime();
        FrameDetections d = detection.detect(frame);
        long t1 = System.nanoTime();
        AnalysisStage.Batch b = analysis.analyze(List.of(d));
        timings = timings.plus(new PipelineTimings(1, d.faces().size(), 0, t1 - t0, b.landmarkNanos(),
                b.backboneNanos(), 0));
        return b.frames().get(0);
    }

    @Override
    public PipelineTimings timings() {
        return timings;
    }

    @Override
    public void close() {
    }
}
