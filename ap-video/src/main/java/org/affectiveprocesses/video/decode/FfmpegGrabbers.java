package org.affectiveprocesses.video.decode;

import java.nio.ByteBuffer;
import java.util.Set;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.bytedeco.ffmpeg.global.avdevice;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swresample;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/** What the FFmpeg sources share: starting a grabber with clear errors, and its frames as RGB images. */
final class FfmpegGrabbers {
    /** FFmpeg's codecs that draw text files (ANSI art, binary text) as pictures: never a camera's video. */
    private static final Set<String> TEXT_CODECS = Set.of("ansi", "bintext", "xbin", "idf");

    private FfmpegGrabbers() {
    }

    /**
     * Loads the libraries a grabber of files needs (not libavdevice, which only cameras need and
     * which needs system libraries of its own).
     *
     * @throws MediaFormatException if they cannot be loaded on this platform
     */
    static void load() throws MediaFormatException {
        try {
            Loader.load(avformat.class);
            Loader.load(swscale.class);
            Loader.load(swresample.class);
        } catch (LinkageError | RuntimeException e) {
            throw new MediaFormatException("FFmpeg", "cannot load its libraries (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Starts a grabber set to decode RGB frames; releases it and throws if it holds no video.
     *
     * @param g the grabber, not started
     * @param source the source's name, for messages
     * @param failure what a failure to start means, e.g. "is not a readable video"
     * @throws MediaFormatException naming the source if it cannot be opened or has no video stream
     */
    static FFmpegFrameGrabber start(FFmpegFrameGrabber g, String source, String failure) throws MediaFormatException {
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
        g.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
        try {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            release(g);
            throw new MediaFormatException(source, failure + " (" + e.getMessage() + ")", e);
        }
        if (!g.hasVideo() || g.getImageWidth() <= 0 || g.getImageHeight() <= 0) {
            release(g);
            throw new MediaFormatException(source, "has no video stream");
        }
        if (TEXT_CODECS.contains(String.valueOf(g.getVideoCodecName()))) {
            String format = g.getFormat();
            release(g);
            throw new MediaFormatException(source, "is text, not a video (FFmpeg would draw it as '" + format
                    + "' text art)");
        }
        return g;
    }

    /** FFmpeg's device library (libavdevice: cameras), loaded once; why it cannot be, or null. */
    private static final class Devices {
        static final String PROBLEM = load();

        private static String load() {
            try {
                Loader.load(avdevice.class);
                avdevice.avdevice_register_all();
                return null;
            } catch (LinkageError | RuntimeException e) {
                Throwable root = e;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                return root.getMessage();
            }
        }
    }

    /**
     * Makes FFmpeg's camera inputs available (libavdevice, loaded and registered once).
     *
     * @param source the camera, for messages
     * @throws MediaFormatException if the library cannot be loaded (bytedeco's Linux build links
     *     PulseAudio's libpulse.so.0, which a machine without sound may lack)
     */
    static void loadDevices(String source) throws MediaFormatException {
        if (Devices.PROBLEM != null) {
            throw new MediaFormatException(source, "cameras need FFmpeg's device library (libavdevice), which cannot"
                    + " be loaded here: " + Devices.PROBLEM);
        }
    }

    /** The stream's frame rate, or 30 when it declares none. */
    static double frameRate(FFmpegFrameGrabber g) {
        double rate = g.getFrameRate();
        return rate > 0 && Double.isFinite(rate) ? rate : 30.0;
    }

    /**
     * A decoded frame's pixels, copied (into memory of the pool's when it has some).
     *
     * @throws MediaFormatException if the frame is not 8-bit RGB
     */
    static RgbImage image(Frame f, String source, int index, FramePool pool) throws MediaFormatException {
        int w = f.imageWidth;
        int h = f.imageHeight;
        if (f.image == null || f.imageChannels != 3 || f.imageDepth != Frame.DEPTH_UBYTE) {
            throw new MediaFormatException(source, "frame " + index + " is not 8-bit RGB after conversion");
        }
        return pool.image(w, h, (ByteBuffer) f.image[0], f.imageStride);
    }

    /** Stops and frees a grabber. */
    static void release(FFmpegFrameGrabber g) {
        try {
            g.close();
        } catch (FrameGrabber.Exception e) {
            throw new IllegalStateException("closing the FFmpeg decoder failed: " + e.getMessage(), e);
        }
    }
}
