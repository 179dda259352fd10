package org.affectiveprocesses.video.decode;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Frames of one video, decoded one at a time (never all held in memory). Close it to release the
 * decoder.
 */
public interface FrameSource extends AutoCloseable {

    /** The video file or image folder. */
    Path path();

    /** The nominal frame rate in frames per second. */
    double frameRate();

    /** The number of frames the container declares, or -1 if unknown. */
    int declaredFrames();

    /**
     * Decodes the next frame.
     *
     * @return the frame, or null after the last one
     * @throws MediaFormatException if the video is damaged or truncated, naming the frame
     * @throws IOException if reading fails
     */
    DecodedFrame next() throws IOException;

    /** Releases the decoder. */
    @Override
    void close();
}
