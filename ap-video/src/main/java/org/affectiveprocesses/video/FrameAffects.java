package org.affectiveprocesses.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.video.decode.FrameSource;
import org.affectiveprocesses.video.pipeline.FrameAnalysis;
import org.affectiveprocesses.video.pipeline.FrameStream;
import org.affectiveprocesses.video.pipeline.PipelineTimings;
import org.affectiveprocesses.video.smoothing.AffectSmoother;

/**
 * The rows of one video as the recognizer analyses it, streamed: one {@link FrameAffect} per face
 * per frame (faces in id order), and one for each frame in which no face was found. Frames are
 * decoded and analysed as the rows are iterated (on the recognizer's two pipeline threads; with an
 * Affective Process, a block of frames at a time). Iterate once. The decoder and the pipeline
 * threads are released when the iteration ends, when this is closed, or when the recognizer is
 * closed.
 *
 * <p>A decoding error met during iteration (a damaged or truncated video) is thrown as an {@link
 * UncheckedIOException} whose cause is the {@link org.affectiveprocesses.video.decode.MediaFormatException}.
 */
public final class FrameAffects implements Iterable<FrameAffect>, AutoCloseable {
    private final Path video;
    private final FrameSource source;
    private final FrameStream analyzer;
    private final TemporalTracks temporal;
    private final AffectSmoother smoother;
    private final PerFrameRows perFrame;
    private final Consumer<FrameAffects> onClose;
    private final Deque<FrameAffect> ready = new ArrayDeque<>();
    private long temporalNanos;
    private boolean iterated;
    private boolean exhausted;
    private boolean closed;

    FrameAffects(Path video, FrameSource source, FrameStream analyzer, TemporalTracks temporal,
            AffectSmoother smoother, LabelSpace space, Consumer<FrameAffects> onClose) {
        this.video = video;
        this.source = source;
        this.analyzer = analyzer;
        this.temporal = temporal;
        this.smoother = smoother;
        this.perFrame = new PerFrameRows(space, smoother);
        this.onClose = onClose;
    }

    /** The video file or image folder. */
    public Path path() {
        return video;
    }

    /** The video's nominal frame rate. */
    public double frameRate() {
        return source.frameRate();
    }

    /** The number of frames the container declares, or -1 if unknown (for progress display). */
    public int declaredFrames() {
        return source.declaredFrames();
    }

    /** The time spent so far, by stage. */
    public PipelineTimings timings() {
        return analyzer.timings().plus(new PipelineTimings(0, 0, 0, 0, 0, 0, temporalNanos));
    }

    /**
     * The rows, in frame order.
     *
     * @throws IllegalStateException if called a second time
     */
    @Override
    public Iterator<FrameAffect> iterator() {
        if (iterated) {
            throw new IllegalStateException("the frames of " + video + " can be iterated only once");
        }
        iterated = true;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                fill();
                return !ready.isEmpty();
            }

            @Override
            public FrameAffect next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more frames in " + video);
                }
                return ready.removeFirst();
            }
        };
    }

    /** The rows as a sequential stream (closing the stream closes this). */
    public Stream<FrameAffect> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED
                | Spliterator.NONNULL), false).onClose(this::close);
    }

    private void fill() {
        while (ready.isEmpty() && !exhausted) {
            if (closed) {
                throw new IllegalStateException("the analysis of " + video + " was closed");
            }
            FrameAnalysis a;
            try {
                a = analyzer.next();
            } catch (IOException e) {
                close();
                throw new UncheckedIOException(e.getMessage(), e);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
            long t0 = System.nanoTime();
            if (a == null) {
                exhausted = true;
                if (temporal != null) {
                    ready.addAll(temporal.finish());
                }
                close();
            } else if (temporal != null) {
                ready.addAll(temporal.add(a));
            } else {
                ready.addAll(perFrame.rows(a));
            }
            if (temporal != null || smoother != null) {
                temporalNanos += System.nanoTime() - t0;
            }
        }
    }

    /** Stops the pipeline and releases the decoder (idempotent). */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                analyzer.close();
            } finally {
                source.close();
                onClose.accept(this);
            }
        }
    }
}
