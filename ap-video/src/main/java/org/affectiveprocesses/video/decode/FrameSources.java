package org.affectiveprocesses.video.decode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens videos and image folders as {@link FrameSource}s. */
public final class FrameSources {
    /** The frame rate given to image folders unless another is asked for. */
    public static final double DEFAULT_FOLDER_FPS = 30.0;

    private FrameSources() {
    }

    /**
     * Opens a video file, or a folder of images at {@value #DEFAULT_FOLDER_FPS} frames/s.
     *
     * @throws MediaFormatException if the file is not a readable video, or the folder holds no images
     * @throws IOException if the path does not exist or cannot be read
     */
    public static FrameSource open(Path path) throws IOException {
        return open(path, DEFAULT_FOLDER_FPS);
    }

    /**
     * Opens a video file, or a folder of images at the given frame rate.
     *
     * @throws MediaFormatException if the file is not a readable video, or the folder holds no images
     * @throws IOException if the path does not exist or cannot be read
     */
    public static FrameSource open(Path path, double folderFps) throws IOException {
        if (Files.isDirectory(path)) {
            return ImageFolderSource.open(path, folderFps);
        }
        return FfmpegFrameSource.open(path);
    }
}
