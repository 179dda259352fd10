package org.affectiveprocesses.video.decode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Decodes a video file (mp4, avi, webm, mkv, mov … whatever FFmpeg reads) with JavaCV's
 * {@link FFmpegFrameGrabber}, one RGB frame at a time.
 *
 * <p>Timestamps are the frames' presentation times; where the container gives none, or one that
 * does not advance, the previous frame's time plus one frame period is used. The declared frame
 * count is the stream's frame count from the container header, or else duration × frame rate.
 * A file that is empty,
 * not a video, or has no video stream fails when opened; a video whose decoding ends clearly short
 * of the frame count its container declares (below 90%) fails at its end as truncated. FFmpeg's own
 * log is limited to fatal messages (the errors reach the caller as exceptions).
 */
public final class FfmpegFrameSource implements FrameSource {
    /** Decoding must reach this share of the declared frames, or the file counts as truncated. */
    static final double COMPLETE_SHARE = 0.9;

    private final Path file;
    private final FFmpegFrameGrabber grabber;
    private final double fps;
    private final int declared;
    private final FrameClock clock;
    private final FramePool pool = new FramePool();
    private int index;
    private boolean finished;

    private FfmpegFrameSource(Path file, FFmpegFrameGrabber grabber) {
        this.file = file;
        this.grabber = grabber;
        this.fps = FfmpegGrabbers.frameRate(grabber);
        this.clock = new FrameClock(fps, false);
        long counted = grabber.getFormatContext().streams(grabber.getVideoStream()).nb_frames();
        int estimated = grabber.getLengthInFrames();
        this.declared = counted > 0 && counted < Integer.MAX_VALUE ? (int) counted : estimated > 0 ? estimated : -1;
    }

    /**
     * Opens a video file.
     *
     * @param file the video
     * @return the source, positioned before the first frame
     * @throws MediaFormatException if the file is empty, not a video or has no video stream
     * @throws IOException if it does not exist or cannot be read
     */
    public static FfmpegFrameSource open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "no such video file");
        }
        if (Files.size(file) == 0) {
            throw new MediaFormatException(file, "is empty (0 bytes)");
        }
        return new FfmpegFrameSource(file, FfmpegGrabbers.start(new FFmpegFrameGrabber(file.toFile()),
                file.toString(), "is not a readable video"));
    }

    /** The video file. */
    public Path path() {
        return file;
    }

    @Override
    public String name() {
        return file.toString();
    }

    @Override
    public double frameRate() {
        return fps;
    }

    @Override
    public int declaredFrames() {
        return declared;
    }

    @Override
    public DecodedFrame next() throws IOException {
        if (finished) {
            return null;
        }
        Frame f;
        try {
            f = grabber.grabImage();
        } catch (FrameGrabber.Exception e) {
            throw new MediaFormatException(file, "cannot decode frame " + index + " (" + e.getMessage() + ")", e);
        }
        if (f == null) {
            finished = true;
            if (index == 0) {
                throw new MediaFormatException(file, "holds no decodable video frame");
            }
            if (declared > 0 && index < COMPLETE_SHARE * declared) {
                throw new MediaFormatException(file, "is truncated or damaged: decoding stopped after frame "
                        + (index - 1) + " but the container declares " + declared + " frames");
            }
            return null;
        }
        RgbImage image = FfmpegGrabbers.image(f, file.toString(), index, pool);
        return new DecodedFrame(index++, clock.seconds(f.timestamp), image);
    }

    /** Reuses the frame's memory for a later frame ({@link FramePool}). */
    @Override
    public void recycle(DecodedFrame frame) {
        pool.recycle(frame.image());
    }

    @Override
    public void close() {
        pool.clear();
        FfmpegGrabbers.release(grabber);
    }
}
