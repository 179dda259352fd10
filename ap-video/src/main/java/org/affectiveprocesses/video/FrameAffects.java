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
import org.affectiveprocesses.video.pipeline.FrameAnalyzer;
import org.affectiveprocesses.video.pipeline.PipelineTimings;

/**
 * The frames of one video as the recognizer analyses them, streamed: frames are decoded and
 * analysed as they are iterated (with an Affective Process, a block of frames at a time). Iterate
 * once. The decoder is released when the iteration ends, when this is closed, or when the
 * recognizer is closed.
 *
 * <p>A decoding error met during iteration (a damaged or truncated video) is thrown as an {@link
 * UncheckedIOException} whose cause is the {@link org.affectiveprocesses.video.decode.MediaFormatException}.
 */
public final class FrameAffects implements Iterable<FrameAffect>, AutoCloseable {
    private final FrameSource source;
    private final FrameAnalyzer analyzer;
    private final TemporalBlocks blocks;
    private final LabelSpace space;
    private final Consumer<FrameAffects> onClose;
    private final Deque<FrameAffect> ready = new ArrayDeque<>();
    private boolean iterated;
    private boolean exhausted;
    private boolean closed;

    FrameAffects(FrameSource source, FrameAnalyzer analyzer, TemporalBlocks blocks, LabelSpace space,
            Consumer<FrameAffects> onClose) {
        this.source = source;
        this.analyzer = analyzer;
        this.blocks = blocks;
        this.space = space;
        this.onClose = onClose;
    }

    /** The video file or image folder. */
    public Path path() {
        return source.path();
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
        return analyzer.timings();
    }

    /**
     * The frames, in order.
     *
     * @throws IllegalStateException if called a second time
     */
    @Override
    public Iterator<FrameAffect> iterator() {
        if (iterated) {
            throw new IllegalStateException("the frames of " + source.path() + " can be iterated only once");
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
                    throw new NoSuchElementException("no more frames in " + source.path());
                }
                return ready.removeFirst();
            }
        };
    }

    /** The frames as a sequential stream (closing the stream closes this). */
    public Stream<FrameAffect> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED
                | Spliterator.NONNULL), false).onClose(this::close);
    }

    private void fill() {
        while (ready.isEmpty() && !exhausted) {
            if (closed) {
                throw new IllegalStateException("the analysis of " + source.path() + " was closed");
            }
            FrameAnalysis a;
            try {
                a = analyzer.next();
            } catch (IOException e) {
                close();
                throw new UncheckedIOException(e.getMessage(), e);
            }
            long t0 = System.nanoTime();
            if (a == null) {
                exhausted = true;
                if (blocks != null) {
                    ready.addAll(blocks.finish());
                }
                close();
            } else if (blocks != null) {
                ready.addAll(blocks.add(a));
            } else {
                ready.add(new FrameAffect(a, space, null, null));
            }
            if (blocks != null) {
                analyzer.addTemporal(System.nanoTime() - t0);
            }
        }
    }

    /** Releases the decoder (idempotent). */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            source.close();
            onClose.accept(this);
        }
    }
}
