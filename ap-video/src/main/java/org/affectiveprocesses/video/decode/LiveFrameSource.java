package org.affectiveprocesses.video.decode;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Frames as they come from a camera, a network stream or standard input, decoded with JavaCV's
 * {@link FFmpegFrameGrabber}, one RGB frame at a time.
 *
 * <p>Names ({@link #isLive(String)}):
 * <ul>
 *   <li>{@code camera:N} or {@code camera:DEVICE}: a camera through FFmpeg's device input for the
 *       platform: {@code video4linux2} on Linux ({@code camera:0} is {@code /dev/video0}; a device
 *       path {@code /dev/videoN} is also a camera), {@code avfoundation} on macOS (index or name),
 *       {@code dshow} on Windows (the device's name as {@code ffmpeg -list_devices true -f dshow -i
 *       dummy} lists it);
 *   <li>{@code rtsp://}, {@code rtsps://}, {@code rtmp://}, {@code http://}, {@code https://},
 *       {@code udp://}, {@code tcp://} URLs: a network stream;
 *   <li>{@code -}: standard input (a stream FFmpeg can read without seeking: MPEG-TS, Matroska,
 *       AVI, MJPEG, …).
 * </ul>
 *
 * <p>Timestamps come from the stream's presentation times, shifted so that the first frame is at
 * 0 s; where a frame has none, or one that does not advance, the previous time plus one frame
 * period is used. The frame count is unknown ({@link #declaredFrames()} is -1).
 *
 * <p><b>Drops.</b> Opening a network stream, and each wait for its data, gives up after the
 * options' timeout (FFmpeg's {@code timeout} and {@code rw_timeout}), so a stalled stream never
 * hangs the reader for longer. A network stream that fails or ends with a read error (a server
 * gone, a timeout) counts as dropped: it is opened again up to {@link LiveSourceOptions#reconnects()}
 * times in a row, {@link LiveSourceOptions#reconnectDelay()} apart, and frames continue with the
 * next index and a timeline that goes on from the last frame (a live stream resumes at its live
 * point; a file served over HTTP starts again). When every attempt fails, the source ends as if
 * the stream had ended. Each drop, attempt and end is told to {@link LiveSourceOptions#notices()}.
 * A stream that ends cleanly (the server closed it after sending everything, as a file served over
 * HTTP) ends the source; an RTSP stream, whose end cannot be told from a drop, is reconnected.
 * Cameras and standard input are not reopened: a read error fails with a {@link
 * MediaFormatException} naming the source and frame, and their end ends the source.
 *
 * <p>Not thread-safe: one reading thread (the pipeline's decoding thread).
 */
public final class LiveFrameSource implements FrameSource {
    /** The URL schemes read as network streams. */
    public static final List<String> NETWORK_SCHEMES = List.of("rtsp", "rtsps", "rtmp", "http", "https", "udp",
            "tcp");
    /** The name of standard input. */
    public static final String STANDARD_INPUT = "-";
    /** The prefix of camera names. */
    public static final String CAMERA_PREFIX = "camera:";

    /** What kind of live source. */
    public enum Kind {
        /** A camera, through the platform's FFmpeg device input. */
        CAMERA,
        /** A network stream. */
        NETWORK,
        /** Standard input. */
        STANDARD_INPUT
    }

    /**
     * A camera as FFmpeg opens it.
     *
     * @param format FFmpeg's input format (the platform's device input)
     * @param device the device as that input names it
     */
    record Camera(String format, String device) {
    }

    private final String name;
    private final Kind kind;
    private final Camera camera;
    private final InputStream input;
    private final LiveSourceOptions options;
    private FFmpegFrameGrabber grabber;
    private final double fps;
    private final FrameClock clock;
    private final FramePool pool = new FramePool();
    private int index;
    private boolean finished;

    private LiveFrameSource(String name, Kind kind, Camera camera, InputStream input, LiveSourceOptions options)
            throws MediaFormatException {
        this.name = name;
        this.kind = kind;
        this.camera = camera;
        this.input = input;
        this.options = options;
        this.grabber = openGrabber();
        this.fps = FfmpegGrabbers.frameRate(grabber);
        this.clock = new FrameClock(fps, true);
    }

    /** Whether a source name names a camera, a network stream or standard input (not a file or folder). */
    public static boolean isLive(String name) {
        return kindOf(name) != null;
    }

    private static Kind kindOf(String name) {
        if (name.equals(STANDARD_INPUT)) {
            return Kind.STANDARD_INPUT;
        }
        if (name.startsWith(CAMERA_PREFIX) || name.startsWith("/dev/video")) {
            return Kind.CAMERA;
        }
        int colon = name.indexOf("://");
        if (colon > 0 && NETWORK_SCHEMES.contains(name.substring(0, colon).toLowerCase(Locale.ROOT))) {
            return Kind.NETWORK;
        }
        return null;
    }

    /**
     * Opens a camera, network stream or standard input.
     *
     * @param name {@code camera:N}, {@code /dev/videoN}, a URL or {@code -}
     * @param options timeouts, reconnection and messages
     * @return the source, its first frame not yet read
     * @throws IllegalArgumentException if the name is not a live source's ({@link #isLive(String)})
     * @throws MediaFormatException naming the source if it cannot be opened in time or has no video
     */
    public static LiveFrameSource open(String name, LiveSourceOptions options) throws IOException {
        Kind kind = kindOf(name);
        if (kind == null) {
            throw new IllegalArgumentException("'" + name + "' is not a camera (" + CAMERA_PREFIX + "N, /dev/videoN),"
                    + " a stream URL (" + String.join(", ", NETWORK_SCHEMES) + ") or - for standard input");
        }
        Camera camera = kind == Kind.CAMERA ? camera(name, System.getProperty("os.name")) : null;
        InputStream input = kind == Kind.STANDARD_INPUT ? System.in : null;
        return new LiveFrameSource(name, kind, camera, input, options);
    }

    /**
     * The FFmpeg device input of a camera name on a platform.
     *
     * @param name {@code camera:ID} or {@code /dev/videoN}
     * @param osName the platform, as the {@code os.name} system property gives it
     * @throws MediaFormatException if the platform has no camera input FFmpeg knows, or a Windows
     *     camera is named by number
     */
    static Camera camera(String name, String osName) throws MediaFormatException {
        String id = name.startsWith(CAMERA_PREFIX) ? name.substring(CAMERA_PREFIX.length()) : name;
        if (id.isEmpty()) {
            throw new MediaFormatException(name, "names no camera; use " + CAMERA_PREFIX + "0 for the first one");
        }
        boolean number = id.chars().allMatch(Character::isDigit);
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("linux")) {
            return new Camera("video4linux2", number ? "/dev/video" + id : id);
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return new Camera("avfoundation", id);
        }
        if (os.contains("windows")) {
            if (number) {
                throw new MediaFormatException(name, "DirectShow names cameras, not numbers: use " + CAMERA_PREFIX
                        + "NAME with the name 'ffmpeg -list_devices true -f dshow -i dummy' lists");
            }
            return new Camera("dshow", "video=" + id);
        }
        throw new MediaFormatException(name, "cameras are read on Linux (video4linux2), macOS (avfoundation) and"
                + " Windows (dshow), not on " + osName);
    }

    private FFmpegFrameGrabber openGrabber() throws MediaFormatException {
        FFmpegFrameGrabber g;
        switch (kind) {
            case STANDARD_INPUT -> g = new FFmpegFrameGrabber(input, 0); // never seeks back: holds no copy of the stream
            case CAMERA -> {
                FfmpegGrabbers.loadDevices(name);
                g = new FFmpegFrameGrabber(camera.device());
                g.setFormat(camera.format());
            }
            default -> {
                g = new FFmpegFrameGrabber(name);
                String micros = Long.toString(options.timeout().toNanos() / 1000);
                g.setOption("rw_timeout", micros);
                if (!name.regionMatches(true, 0, "rtmp", 0, 4)) {
                    g.setOption("timeout", micros); // RTMP's "timeout" would make it listen instead
                }
            }
        }
        return FfmpegGrabbers.start(g, name, "cannot be opened as a video stream");
    }

    /** The kind of source. */
    public Kind kind() {
        return kind;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double frameRate() {
        return fps;
    }

    /** Unknown for a live source: -1. */
    @Override
    public int declaredFrames() {
        return -1;
    }

    @Override
    public DecodedFrame next() throws IOException {
        while (!finished) {
            Frame f;
            String failure;
            try {
                f = grabber.grabImage();
                failure = f == null ? readError() : null;
            } catch (FrameGrabber.Exception | RuntimeException e) {
                f = null;
                failure = e.getMessage();
            }
            if (f != null) {
                double seconds = clock.seconds(f.timestamp);
                return new DecodedFrame(index, seconds, FfmpegGrabbers.image(f, name, index++, pool));
            }
            if (kind != Kind.NETWORK && failure != null) {
                finished = true;
                throw new MediaFormatException(name, "cannot read frame " + index + " (" + failure + ")");
            }
            if (kind != Kind.NETWORK || failure == null && !isRtsp()) {
                finished = true;
                options.notices().accept(name + ": the stream ended after " + index + " frames");
            } else if (!reconnect(failure == null ? "the stream stopped" : failure)) {
                finished = true;
            }
        }
        return null;
    }

    private boolean isRtsp() {
        return name.regionMatches(true, 0, "rtsp", 0, 4);
    }

    /** Why reading stopped, if it was an error (FFmpeg's I/O error code), or null for a clean end. */
    private String readError() {
        AVFormatContext oc = grabber.getFormatContext();
        AVIOContext pb = oc == null ? null : oc.pb();
        int error = pb == null ? 0 : pb.error();
        return error < 0 ? "read error " + error + " (FFmpeg AVERROR)" : null;
    }

    /** Opens the stream again, up to the options' number of attempts; false if all failed. */
    private boolean reconnect(String reason) {
        releaseQuietly();
        String why = reason;
        for (int attempt = 1; attempt <= options.reconnects(); attempt++) {
            options.notices().accept(name + ": lost after " + index + " frames (" + why + "); reconnecting, attempt "
                    + attempt + " of " + options.reconnects());
            try {
                Thread.sleep(options.reconnectDelay().toMillis());
                grabber = openGrabber();
                clock.rebase();
                options.notices().accept(name + ": reconnected; frames go on from frame " + index);
                return true;
            } catch (MediaFormatException e) {
                why = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        options.notices().accept(name + ": gave up after " + options.reconnects() + " reconnection attempts ("
                + why + "); the stream ends after " + index + " frames");
        return false;
    }

    private void releaseQuietly() {
        if (grabber != null) {
            try {
                FfmpegGrabbers.release(grabber);
            } catch (IllegalStateException e) {
                options.notices().accept(name + ": " + e.getMessage());
            }
            grabber = null;
        }
    }

    /** Reuses the frame's memory for a later frame ({@link FramePool}). */
    @Override
    public void recycle(DecodedFrame frame) {
        pool.recycle(frame.image());
    }

    @Override
    public void close() {
        finished = true;
        pool.clear();
        if (grabber != null) {
            FFmpegFrameGrabber g = grabber;
            grabber = null;
            FfmpegGrabbers.release(g);
        }
    }
}
