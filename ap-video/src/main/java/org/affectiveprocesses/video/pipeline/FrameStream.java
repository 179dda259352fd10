package org.affectiveprocesses.video.pipeline;

import java.io.IOException;

/** The analysed frames of one video, in order. Close it to stop any work still running. */
public interface FrameStream extends AutoCloseable {

    /**
     * The next frame's analysis.
     *
     * @return the analysis, or null after the last frame
     * @throws IOException if decoding fails (a {@link org.affectiveprocesses.video.decode.MediaFormatException}
     *     for a damaged or truncated video)
     */
    FrameAnalysis next() throws IOException;

    /** The time spent so far, by stage. */
    PipelineTimings timings();

    /** Stops any work still running (idempotent); does not close the frame source. */
    @Override
    void close();
}
