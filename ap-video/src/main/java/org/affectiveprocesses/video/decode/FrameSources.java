package org.affectiveprocesses.video.decode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens videos, image folders, cameras, network streams and standard input as {@link FrameSource}s. */
public final class FrameSources {
    /** The frame rate given to image folders unless another is asked for. */
    public static final double DEFAULT_FOLDER_FPS = 30.0;

    private FrameSources() {
    }

    /**
     * Loads FFmpeg's libraries now: the first time they take a few hundred milliseconds, which
     * would otherwise delay the first video's first frame.
     *
     * @throws MediaFormatException if FFmpeg's natives cannot be loaded on this platform
     */
    public static void loadDecoder() throws MediaFormatException {
        FfmpegGrabbers.load();
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

    /**
     * Opens a source by name: a camera ({@code camera:0}, {@code /dev/video0}), a network stream
     * ({@code rtsp://…}, {@code http://…}, {@code udp://…}, …) or standard input ({@code -}) as a
     * {@link LiveFrameSource}, anything else as a video file or image folder.
     *
     * @param name the source
     * @param folderFps the frame rate given to a folder of images
     * @param live timeouts and reconnection of a live source
     * @throws MediaFormatException naming the source if it cannot be opened or has no video
     * @throws IOException if a file does not exist or cannot be read
     */
    public static FrameSource open(String name, double folderFps, LiveSourceOptions live) throws IOException {
        if (LiveFrameSource.isLive(name)) {
            return LiveFrameSource.open(name, live);
        }
        return open(Path.of(name), folderFps);
    }
}
