package org.affectiveprocesses.video.decode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.bytedeco.ffmpeg.global.avutil;
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
    /** FFmpeg's codecs that draw text files (ANSI art, binary text) as pictures: never a camera's video. */
    private static final java.util.Set<String> TEXT_CODECS = java.util.Set.of("ansi", "bintext", "xbin", "idf");

    private final Path file;
    private final FFmpegFrameGrabber grabber;
    private final double fps;
    private final int declared;
    private int index;
    private double lastSeconds = Double.NEGATIVE_INFINITY;
    private boolean finished;

    private FfmpegFrameSource(Path file, FFmpegFrameGrabber grabber) {
        this.file = file;
        this.grabber = grabber;
        double rate = grabber.getFrameRate();
        this.fps = rate > 0 && Double.isFinite(rate) ? rate : 30.0;
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
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
        g.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
        try {
            g.start();
        } catch (FrameGrabber.Exception e) {
            release(g);
            throw new MediaFormatException(file, "is not a readable video (" + e.getMessage() + ")", e);
        }
        if (!g.hasVideo() || g.getImageWidth() <= 0 || g.getImageHeight() <= 0) {
            release(g);
            throw new MediaFormatException(file, "has no video stream");
        }
        if (TEXT_CODECS.contains(String.valueOf(g.getVideoCodecName()))) {
            String format = g.getFormat();
            release(g);
            throw new MediaFormatException(file, "is text, not a video (FFmpeg would draw it as '" + format
                    + "' text art)");
        }
        return new FfmpegFrameSource(file, g);
    }

    @Override
    public Path path() {
        return file;
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
        RgbImage image = toImage(f);
        double seconds = f.timestamp / 1e6;
        if (!(seconds > lastSeconds) || !Double.isFinite(seconds) || seconds < 0) {
            seconds = index == 0 ? 0.0 : lastSeconds + 1.0 / fps;
        }
        lastSeconds = seconds;
        return new DecodedFrame(index++, seconds, image);
    }

    private RgbImage toImage(Frame f) throws MediaFormatException {
        int w = f.imageWidth;
        int h = f.imageHeight;
        if (f.image == null || f.imageChannels != 3 || f.imageDepth != Frame.DEPTH_UBYTE) {
            throw new MediaFormatException(file, "frame " + index + " is not 8-bit RGB after conversion");
        }
        ByteBuffer buf = (ByteBuffer) f.image[0];
        int stride = f.imageStride;
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            buf.get(y * stride, rgb, y * w * 3, w * 3);
        }
        return RgbImage.of(w, h, rgb);
    }

    @Override
    public void close() {
        release(grabber);
    }

    private static void release(FFmpegFrameGrabber g) {
        try {
            g.close();
        } catch (FrameGrabber.Exception e) {
            throw new IllegalStateException("closing the FFmpeg decoder failed: " + e.getMessage(), e);
        }
    }
}
