package org.affectiveprocesses.video.decode;

import java.io.IOException;

/**
 * Frames of one video, decoded one at a time (never all held in memory): a file, an image folder, a
 * camera, a network stream or standard input. Close it to release the decoder.
 */
public interface FrameSource extends AutoCloseable {

    /** What is read, for messages: the file or folder, the camera, the stream's URL, {@code -} for standard input. */
    String name();

    /** The nominal frame rate in frames per second. */
    double frameRate();

    /** The number of frames the container declares, or -1 if unknown. */
    int declaredFrames();

    /**
     * Decodes the next frame.
     *
     * @return the frame, or null after the last one
     * @throws MediaFormatException if the video is damaged or truncated, naming the source and the frame
     * @throws IOException if reading fails
     */
    DecodedFrame next() throws IOException;

    /**
     * Gives back a frame of this source the caller has finished with: neither the frame nor its
     * image is used again by anyone. A source may then reuse the image's memory for a later frame
     * ({@link FramePool}), sparing the allocation and first-touch cost of a new frame; one that
     * does not ignores the call (the default). Frames must be given back in the order they came,
     * from one thread at a time; frames never given back are simply not reused.
     *
     * @param frame a frame this source returned from {@link #next()}
     */
    default void recycle(DecodedFrame frame) {
    }

    /** Releases the decoder. */
    @Override
    void close();
}
