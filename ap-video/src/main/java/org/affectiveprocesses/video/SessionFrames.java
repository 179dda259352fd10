package org.affectiveprocesses.video;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.affectiveprocesses.video.decode.DecodedFrame;
import org.affectiveprocesses.video.decode.FrameSource;

/**
 * The frames of a {@link LiveSession} as the pipeline reads them, with the time each arrived: either
 * pushed by the application ({@link #push}, into a bounded queue that blocks the caller when full)
 * or pulled from a {@link FrameSource} on the pipeline's decoding thread. {@link #stop()} ends the
 * frames: the pipeline then reads the end after the frames already there. Arrival times are kept
 * in frame order until the session takes them ({@link #arrival()}).
 */
final class SessionFrames implements FrameSource {
    /** The end of pushed frames. */
    private static final DecodedFrame END = new DecodedFrame(0, 0, RgbImage.of(1, 1, new byte[3]));
    /** How often a blocked {@link #push} looks whether the session has ended. */
    private static final long POLL_MILLIS = 50;

    private final String name;
    private final FrameSource pulled;
    private final BlockingQueue<DecodedFrame> pushed;
    private final ConcurrentLinkedDeque<Long> arrivals = new ConcurrentLinkedDeque<>();
    private volatile boolean stopped;
    private volatile boolean ended;

    private SessionFrames(String name, FrameSource pulled, int capacity) {
        this.name = name;
        this.pulled = pulled;
        this.pushed = pulled == null ? new ArrayBlockingQueue<>(capacity) : null;
    }

    /** Frames the application pushes, at most {@code capacity} waiting for the pipeline. */
    static SessionFrames pushed(String name, int capacity) {
        return new SessionFrames(name, null, capacity);
    }

    /** Frames read from a source (closed with this). */
    static SessionFrames pulled(FrameSource source) {
        return new SessionFrames(source.name(), Objects.requireNonNull(source, "source"), 0);
    }

    /** Whether frames come from a source rather than from the application. */
    boolean isPulled() {
        return pulled != null;
    }

    /**
     * Queues a pushed frame, waiting for room; records its arrival. The caller serialises calls.
     *
     * @return false if the session ended while waiting (the frame is not queued)
     */
    boolean push(DecodedFrame frame, long arrivalNanos) throws InterruptedException {
        // the arrival goes first, as the pipeline may take the frame at once; a frame that is not
        // queued takes its arrival back (calls are serialised, so it is the last one)
        arrivals.addLast(arrivalNanos);
        boolean queued = false;
        try {
            while (!(queued = pushed.offer(frame, POLL_MILLIS, TimeUnit.MILLISECONDS))) {
                if (ended) {
                    return false;
                }
            }
            return true;
        } finally {
            if (!queued) {
                arrivals.pollLast();
            }
        }
    }

    /** Ends the frames; the pipeline reads the end after the frames already given. */
    void stop() throws InterruptedException {
        stopped = true;
        if (pushed != null) {
            while (!ended && !pushed.offer(END, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                // the pipeline is still taking frames
            }
        }
    }

    /** The session has ended: nothing more is read, and a waiting {@link #push} gives up. */
    void ended() {
        ended = true;
    }

    /** The arrival time of the oldest frame whose arrival has not been taken. */
    long arrival() {
        Long t = arrivals.poll();
        if (t == null) {
            throw new IllegalStateException("a frame of " + name + " came out of the pipeline without an arrival time");
        }
        return t;
    }

    @Override
    public String name() {
        return name;
    }

    /** The source's nominal rate; NaN for pushed frames, which have none (their timestamps say when they are). */
    @Override
    public double frameRate() {
        return pulled != null ? pulled.frameRate() : Double.NaN;
    }

    @Override
    public int declaredFrames() {
        return pulled != null ? pulled.declaredFrames() : -1;
    }

    @Override
    public DecodedFrame next() throws IOException {
        if (pulled == null) {
            try {
                DecodedFrame f = pushed.take();
                return f == END ? null : f;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the next frame of " + name, e);
            }
        }
        if (stopped) {
            return null;
        }
        DecodedFrame f = pulled.next();
        if (f != null) {
            arrivals.add(System.nanoTime());
        }
        return f;
    }

    /** Gives a pulled frame back to its source; pushed frames are the application's and are left alone. */
    @Override
    public void recycle(DecodedFrame frame) {
        if (pulled != null) {
            pulled.recycle(frame);
        }
    }

    @Override
    public void close() {
        if (pulled != null) {
            pulled.close();
        }
    }
}
