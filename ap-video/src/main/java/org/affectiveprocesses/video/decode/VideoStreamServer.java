package org.affectiveprocesses.video.decode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Serves a video file as a live stream on the loopback interface, to try or measure a live setup
 * without a camera: one client connects to {@link #url()} ({@code tcp://127.0.0.1:PORT}) and gets
 * the video's frames re-encoded as MPEG-4 in MPEG-TS, at the video's frame rate times a speed (or
 * as fast as the client reads). The server can stop part-way, closing the connection cleanly or
 * resetting it as a crashed server or a broken network would. It listens before {@link #start}
 * returns, so a client may connect at once; it serves one client, then stops listening.
 */
public final class VideoStreamServer implements AutoCloseable {
    /** How long the server waits for its client. */
    private static final int ACCEPT_TIMEOUT_MILLIS = 60_000;

    /**
     * How the stream is served.
     *
     * @param speed frames are sent at the video's frame rate times this (1: real time), or as
     *     fast as the client reads when 0
     * @param frames the frames sent before the server stops, or -1 for the whole video
     * @param reset whether stopping resets the connection (a TCP reset: the client sees an error)
     *     rather than closing it (the client sees the end of the stream)
     */
    public record Options(double speed, int frames, boolean reset) {
        /** Validates. */
        public Options {
            if (!(speed >= 0) || !Double.isFinite(speed) || frames < -1) {
                throw new IllegalArgumentException("speed must be >= 0 and frames >= -1, got " + speed + ", " + frames);
            }
        }

        /** The whole video in real time, closed cleanly at its end. */
        public static Options realTime() {
            return new Options(1, -1, false);
        }
    }

    private final ServerSocket server;
    private final FrameSource source;
    private final FFmpegFrameRecorder recorder;
    private final ClientOutput output = new ClientOutput();
    private final Thread thread;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile int sent;
    private volatile Throwable failure;

    /**
     * The encoder's output: held until the client connects, then the client's socket. The encoder
     * is started (its stream header written) before the server listens, because JavaCV starts
     * grabbers and recorders under one lock: a client in the same process that waits in its
     * grabber's start for the stream's first bytes would otherwise keep the encoder from starting.
     */
    private static final class ClientOutput extends OutputStream {
        private final ByteArrayOutputStream held = new ByteArrayOutputStream();
        private OutputStream client;

        synchronized void attach(OutputStream out) throws IOException {
            held.writeTo(out);
            out.flush();
            client = out;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            (client != null ? client : held).write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            (client != null ? client : held).write(b, off, len);
        }

        @Override
        public synchronized void flush() throws IOException {
            if (client != null) {
                client.flush();
            }
        }
    }

    private VideoStreamServer(Path video, Options options) throws IOException {
        this.source = FfmpegFrameSource.open(video);
        try {
            DecodedFrame first = source.next();
            this.recorder = new FFmpegFrameRecorder(output, first.image().width(), first.image().height(), 0);
            recorder.setFormat("mpegts");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setFrameRate(source.frameRate());
            recorder.setGopSize(12);
            recorder.setVideoBitrate(4_000_000);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setOption("flush_packets", "1"); // each frame leaves at once, as from a camera
            recorder.start();
            this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            server.setSoTimeout(ACCEPT_TIMEOUT_MILLIS);
            this.thread = new Thread(() -> serve(first, options), "ap-video stream server " + video.getFileName());
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e;
        }
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Opens the video, starts listening and serves it on a thread of its own.
     *
     * @param video the video file
     * @param options speed, length and how it stops
     * @return the running server
     * @throws MediaFormatException if the video cannot be read
     * @throws IOException if no port can be opened
     */
    public static VideoStreamServer start(Path video, Options options) throws IOException {
        Objects.requireNonNull(options, "options");
        return new VideoStreamServer(video, options);
    }

    /** Where a client reads the stream: {@code tcp://127.0.0.1:PORT}. */
    public String url() {
        return "tcp://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    /** The frames sent so far. */
    public int framesSent() {
        return sent;
    }

    private void serve(DecodedFrame first, Options options) {
        try (Socket client = server.accept()) {
            server.close();
            client.setTcpNoDelay(true);
            try {
                output.attach(client.getOutputStream());
                stream(first, options);
            } finally {
                if (options.reset()) {
                    client.setSoLinger(true, 0); // closing now resets the connection
                }
            }
        } catch (IOException | RuntimeException e) {
            failure = e;
        } finally {
            try {
                recorder.release();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
            source.close();
            finished.countDown();
        }
    }

    private void stream(DecodedFrame first, Options options) throws IOException {
        try {
            long t0 = System.nanoTime();
            for (DecodedFrame f = first; f != null && (options.frames() < 0 || sent < options.frames());
                    f = source.next()) {
                if (options.speed() > 0) {
                    long due = t0 + (long) (f.seconds() / options.speed() * 1e9);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
                recorder.record(frame(f.image()), avutil.AV_PIX_FMT_RGB24);
                source.recycle(f);
                sent++;
            }
            if (!options.reset()) {
                recorder.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Frame frame(RgbImage image) {
        int w = image.width();
        Frame f = new Frame(w, image.height(), Frame.DEPTH_UBYTE, 3);
        ByteBuffer buf = (ByteBuffer) f.image[0];
        byte[] rgb = image.toBytes();
        for (int y = 0; y < image.height(); y++) {
            buf.put(y * f.imageStride, rgb, y * w * 3, w * 3);
        }
        return f;
    }

    /**
     * Waits until the server has stopped (its frames sent, or its client gone).
     *
     * @param timeoutMillis the longest wait
     * @return whether it stopped in time
     */
    public boolean await(long timeoutMillis) throws InterruptedException {
        return finished.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** What ended serving, if it was an error (e.g. the client went away); null otherwise. */
    public Throwable failure() {
        return failure;
    }

    /** Stops serving and listening. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            failure = e;
        }
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
