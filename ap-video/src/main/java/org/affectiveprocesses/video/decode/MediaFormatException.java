package org.affectiveprocesses.video.decode;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A video or image that cannot be decoded: empty, not a video, without a video stream, damaged or
 * truncated, or a camera or stream that cannot be opened or read. The message names the file (or
 * source) and, where known, the frame.
 */
public class MediaFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file the file being read
     * @param problem what is wrong
     */
    public MediaFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }

    /**
     * @param file the file being read
     * @param problem what is wrong
     * @param cause the underlying error
     */
    public MediaFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }

    /**
     * @param source the camera, stream URL or other source being read
     * @param problem what is wrong
     */
    public MediaFormatException(String source, String problem) {
        super(source + ": " + problem);
    }

    /**
     * @param source the camera, stream URL or other source being read
     * @param problem what is wrong
     * @param cause the underlying error
     */
    public MediaFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }
}
