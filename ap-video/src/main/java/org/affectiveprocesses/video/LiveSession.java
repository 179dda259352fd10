package org.affectiveprocesses.video;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.FrameEstimate;
import org.affectiveprocesses.api.StreamOptions;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.affectiveprocesses.video.decode.DecodedFrame;
import org.affectiveprocesses.video.pipeline.AnalysisStage;
import org.affectiveprocesses.video.pipeline.DetectionStage;
import org.affectiveprocesses.video.pipeline.FrameAnalysis;
import org.affectiveprocesses.video.pipeline.PipelineTimings;
import org.affectiveprocesses.video.pipeline.PipelinedAnalyzer;

/**
 * Live frames in, per-frame, per-face affect out, as the frames come: from the application
 * ({@link #accept(BufferedImage, double)}; {@link AffectRecognizer#session(LiveListener)}) or from
 * a camera, network stream or file ({@link AffectRecognizer#session(org.affectiveprocesses.video.decode.FrameSource,
 * LiveListener)}). Each frame goes through the recognizer's pipeline (detection and tracking on one
 * thread, landmarks, head pose and the backbone on another, {@link PipelinedAnalyzer}, batching
 * only what has queued, so no frame waits for later ones), then, on the session's delivery thread,
 * through the Affective Process and to the {@link LiveListener}.
 *
 * <h2>Rows</h2>
 * One {@link LiveAffect} per face per frame, and one for a frame without a face (which keeps its
 * place in time, as in {@link AffectRecognizer#analyze}).
 * <ul>
 *   <li>Without an Affective Process every row is {@link FrameEstimate.Status#SETTLED} and comes as
 *       soon as its frame is analysed (the backbone's estimate, smoothed when the recognizer smooths:
 *       the 1€ filter is causal).
 *   <li>With one, each face is its own live AP stream ({@link org.affectiveprocesses.api.AffectiveProcess#stream}):
 *       a face's frame gets a <b>provisional</b> row at once (the AP over the face's last L frames,
 *       ending at this one) and a <b>settled</b> row when the face's L-th later frame has arrived,
 *       when the face's track ends, or when the session ends. The settled rows are what
 *       {@link AffectRecognizer#analyze} gives for the same frames (each face's frames read as one
 *       sequence). With the paper's protocol (L = 70) the settling lag is 70 frames of that face:
 *       2.33 s at 30 frames/s when the face is in every frame, more when it is missed; a frame
 *       without a face is settled at once. {@link LiveAffect#lagFrames()} and
 *       {@link LiveAffect#lagSeconds()} give each row's lag.
 * </ul>
 * A face's rows come in its frames' order (its provisional row before the settled rows its frame
 * completes); rows of different faces, and settled rows against newer provisional ones,
 * interleave: sort by frame when order matters.
 *
 * <h2>Threads and back-pressure</h2>
 * <ul>
 *   <li>{@code accept} may be called from any threads. Calls are serialised: frames are numbered
 *       and ordered by <b>arrival</b> (the order in which calls enter the session), and a frame
 *       whose timestamp is earlier than the previous frame's is rejected with an {@link
 *       IllegalArgumentException} naming the session, the frame and both times (it changes nothing;
 *       the session stays usable). Callers that produce frames out of order must order them first.
 *   <li>Queues between the stages are bounded ({@value #PUSH_CAPACITY} pushed frames, then
 *       {@value PipelinedAnalyzer#QUEUE} per pipeline stage). When the listener is slower than the
 *       frames, the queues fill and then {@code accept} blocks until there is room, and a pulled
 *       source is read later (its frames wait in FFmpeg's and the network's buffers). No frame is
 *       ever dropped by the session.
 *   <li>The listener runs on the session's delivery thread, one call at a time; it must not feed
 *       the session ({@code accept} from it throws {@link IllegalStateException}). If it throws,
 *       the session fails: no more rows, {@code accept} throws, {@link #close()} rethrows.
 * </ul>
 *
 * <h2>Memory</h2>
 * Bounded for any stream length: the frames in the queues above, and per face the AP stream's
 * state and its frames not yet settled (at most L + 1).
 *
 * <p>{@link #close()} ends the frames (a pulled source is no longer read), waits until every frame
 * given is analysed, settles the AP streams, delivers the last rows and calls {@link
 * LiveListener#onEnd}.
 */
public final class LiveSession implements AutoCloseable {
    /** Pushed frames that may wait for the pipeline before {@code accept} blocks. */
    public static final int PUSH_CAPACITY = 8;

    private final String name;
    private final SessionFrames frames;
    private final PipelinedAnalyzer analyzer;
    private final FaceStreams streams;
    private final PerFrameRows perFrame;
    private final LiveListener listener;
    private final Consumer<LiveSession> onClose;
    private final Thread delivery;
    private final CountDownLatch done = new CountDownLatch(1);
    private final Object feed = new Object();
    private int accepted;
    private double lastSeconds = Double.NEGATIVE_INFINITY;
    private boolean closing;
    private volatile Throwable failure;
    private volatile long temporalNanos;
    private long listenerNanos;
    private long newestFrame;
    private double newestSeconds;

    /**
     * Starts the session's threads.
     *
     * @param frames pushed or pulled frames
     * @param detection detects and tracks
     * @param analysis analyses the faces
     * @param process the Affective Process, or null
     * @param options its stream options (when there is one)
     * @param perFrame the rows without an Affective Process
     * @param listener receives the rows
     * @param onClose told when the session is closed
     */
    LiveSession(SessionFrames frames, DetectionStage detection, AnalysisStage analysis, AffectiveProcess process,
            StreamOptions options, PerFrameRows perFrame, LiveListener listener, Consumer<LiveSession> onClose) {
        this.name = frames.name();
        this.frames = frames;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.onClose = onClose;
        this.streams = process == null ? null : new FaceStreams(process, options, name, this::emit);
        this.perFrame = perFrame;
        this.analyzer = new PipelinedAnalyzer(frames, detection, analysis, name, 0);
        this.delivery = new Thread(this::deliver, "ap-video session " + name);
        delivery.setDaemon(true);
        delivery.start();
    }

    /** The session's name: the source's, or the one given for pushed frames. */
    public String name() {
        return name;
    }

    /**
     * Adds the next frame (pushed sessions). The pixels are copied during the call.
     *
     * @param image the frame
     * @param seconds its timestamp (finite, not before the previous frame's)
     * @throws IllegalArgumentException if the timestamp is not finite or goes backwards
     * @throws IllegalStateException if the session reads a source, is closed or has failed, or if
     *     called from the session's listener
     */
    public void accept(BufferedImage image, double seconds) {
        Objects.requireNonNull(image, "image");
        int w = image.getWidth();
        int h = image.getHeight();
        accept(RgbImage.fromPackedRgb(w, h, image.getRGB(0, 0, w, h, null, 0, w)), seconds);
    }

    /**
     * Adds the next frame (pushed sessions), as {@link #accept(BufferedImage, double)}.
     *
     * @param image the frame (immutable)
     * @param seconds its timestamp (finite, not before the previous frame's)
     */
    public void accept(RgbImage image, double seconds) {
        long arrival = System.nanoTime();
        Objects.requireNonNull(image, "image");
        if (frames.isPulled()) {
            throw new IllegalStateException("session " + name + " reads its frames from its source");
        }
        if (Thread.currentThread() == delivery) {
            throw new IllegalStateException("a listener of session " + name + " must not feed it");
        }
        synchronized (feed) {
            checkOpen();
            if (!Double.isFinite(seconds) || seconds < lastSeconds) {
                throw new IllegalArgumentException("session " + name + ", frame " + accepted + ": timestamp "
                        + seconds + " s " + (Double.isFinite(seconds) ? "is before the previous frame's "
                        + lastSeconds + " s (frames are ordered by arrival)" : "is not finite"));
            }
            try {
                if (!frames.push(new DecodedFrame(accepted, seconds, image), arrival)) {
                    checkOpen();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for room in session " + name, e);
            }
            accepted++;
            lastSeconds = seconds;
        }
    }

    private void checkOpen() {
        Throwable f = failure;
        if (f != null) {
            throw new IllegalStateException("session " + name + " failed: " + f.getMessage(), f);
        }
        if (closing || done.getCount() == 0) {
            throw new IllegalStateException("session " + name + " is closed");
        }
    }

    /**
     * The time spent so far, by stage: decoding (the source's; for pushed frames, the wait for
     * them), detection, landmarks, backbone, and as temporal model the Affective Process or
     * smoothing, without the listener's time.
     */
    public PipelineTimings timings() {
        return analyzer.timings().plus(new PipelineTimings(0, 0, 0, 0, 0, 0, temporalNanos));
    }

    private void deliver() {
        Throwable error = null;
        try {
            FrameAnalysis a;
            while ((a = analyzer.next()) != null) {
                long arrival = frames.arrival();
                long t0 = System.nanoTime();
                newestFrame = a.index();
                newestSeconds = a.seconds();
                if (streams != null) {
                    streams.add(a, arrival);
                } else {
                    for (FrameAffect row : perFrame.rows(a)) {
                        emit(row, FrameEstimate.Status.SETTLED, arrival);
                    }
                }
                temporalNanos += System.nanoTime() - t0 - listenerNanos;
                listenerNanos = 0;
            }
            if (streams != null) {
                streams.finish();
            }
        } catch (IOException e) {
            error = e;
            settleAfter(e);
        } catch (RuntimeException | Error e) {
            error = e;
        } finally {
            failure = error;
            frames.ended();
            analyzer.close();
            try {
                frames.close();
            } catch (RuntimeException e) {
                if (error == null) {
                    failure = e;
                }
            }
            try {
                listener.onEnd(failure);
            } finally {
                done.countDown();
            }
        }
    }

    /** After a source error, settles the frames analysed so far (their rows are valid). */
    private void settleAfter(IOException e) {
        if (streams != null) {
            try {
                streams.finish();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
        }
    }

    private void emit(FrameAffect row, FrameEstimate.Status status, long arrivalNanos) {
        boolean settled = status == FrameEstimate.Status.SETTLED;
        long lag = settled ? newestFrame - row.frame() : 0;
        double lagSeconds = settled ? Math.max(0, newestSeconds - row.seconds()) : 0;
        long now = System.nanoTime();
        listener.onAffect(new LiveAffect(row, status, lag, lagSeconds, now - arrivalNanos));
        listenerNanos += System.nanoTime() - now;
    }

    /**
     * Waits until the session has ended: its source has ended (or dropped for good), or it was
     * closed, or it failed.
     *
     * @throws UncheckedIOException if the source could not be read (its cause names the source)
     * @throws IllegalStateException if the listener failed, or the wait was interrupted
     */
    public void awaitEnd() {
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for session " + name + " to end", e);
        }
        rethrow();
    }

    /** Whether the session has ended (source ended, closed or failed). */
    public boolean hasEnded() {
        return done.getCount() == 0;
    }

    private void rethrow() {
        Throwable f = failure;
        if (f instanceof IOException io) {
            throw new UncheckedIOException(io.getMessage(), io);
        }
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error err) {
            throw err;
        }
    }

    /**
     * Ends the session: no more frames are taken (a pulled source stops being read), the frames
     * given so far are analysed and their rows delivered, every AP stream is settled, and the
     * listener's {@link LiveListener#onEnd} is called; then returns. Later calls only wait for the
     * end. Must not be called from the listener.
     *
     * @throws UncheckedIOException if the source could not be read
     * @throws IllegalStateException if the listener failed, or if called from the listener
     */
    @Override
    public void close() {
        if (Thread.currentThread() == delivery) {
            throw new IllegalStateException("a listener of session " + name + " must not close it");
        }
        try {
            synchronized (feed) {
                closing = true;
                frames.stop();
            }
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while closing session " + name, e);
        } finally {
            if (onClose != null) {
                onClose.accept(this);
            }
        }
        rethrow();
    }
}
