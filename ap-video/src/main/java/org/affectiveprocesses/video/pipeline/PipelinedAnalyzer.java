package org.affectiveprocesses.video.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.affectiveprocesses.backbone.expression.FaceApiNetwork;
import org.affectiveprocesses.video.decode.DecodedFrame;
import org.affectiveprocesses.video.decode.FrameSource;

/**
 * The per-frame pipeline on two threads of its own, so that a 2-core machine keeps both cores
 * busy: one decodes, finds shot cuts, detects and tracks faces ({@link DetectionStage}); the other
 * runs the networks ({@link AnalysisStage}) on the faces of several frames at once, waiting for a
 * batch to fill ({@link #BATCH_WAIT_MILLIS}). Bounded queues ({@value #QUEUE} frames)
 * between the threads and to the consumer keep memory bounded. The built-in networks run on ONNX
 * Runtime on one intra-op thread each; with a backbone that may run on PyTorch, the network thread
 * runs PyTorch on one intra-op thread ({@link TorchThreads}); the caller's thread is left as it is.
 * Frames go back to the source once analysed ({@link FrameSource#recycle}), which reuses their
 * memory.
 *
 * <p>{@link #next()} is called from one thread at a time. An error on either thread ends the
 * stream: {@link #next()} rethrows it (a decoding error as the {@link IOException} the source
 * threw). {@link #close()} stops both threads and waits for them; the caller then closes the
 * source.
 */
public final class PipelinedAnalyzer implements FrameStream {
    /** Frames waiting between the threads, and for the consumer. */
    public static final int QUEUE = 32;
    /** The most frames whose faces are analysed in one batch. */
    public static final int MAX_BATCH_FRAMES = 8;
    /**
     * How long the network thread waits for each further frame while its batch holds fewer faces
     * than the networks run at once ({@link FaceApiNetwork#MAX_BATCH}): batches of several faces
     * cost the networks a third to a half of single faces' time per face, and a file is read no
     * faster than its slowest thread, so waiting for a batch costs no throughput. At most
     * {@value #MAX_BATCH_FRAMES} frames are held back this way.
     */
    public static final long BATCH_WAIT_MILLIS = 250;

    private final BlockingQueue<Item<FrameDetections>> detected = new ArrayBlockingQueue<>(QUEUE);
    private final BlockingQueue<Item<FrameAnalysis>> analysed = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicReference<PipelineTimings> detectTimings = new AtomicReference<>(PipelineTimings.NONE);
    private final AtomicReference<PipelineTimings> analysisTimings = new AtomicReference<>(PipelineTimings.NONE);
    private final long batchWaitMillis;
    private final Thread decoder;
    private final Thread networks;
    private boolean finished;
    private volatile boolean closed;

    /** A stream item: a value, the end, or an error. */
    private record Item<T>(T value, Throwable error) {
        static <T> Item<T> end() {
            return new Item<>(null, null);
        }

        boolean isEnd() {
            return value == null && error == null;
        }
    }

    /**
     * Starts both threads, for a file: the network thread waits up to {@value #BATCH_WAIT_MILLIS} ms
     * for each further frame of a batch.
     *
     * @param source the frames (closed by the caller after {@link #close()})
     * @param detection detects and tracks
     * @param analysis analyses the faces
     * @param name a name for the threads (the video's)
     */
    public PipelinedAnalyzer(FrameSource source, DetectionStage detection, AnalysisStage analysis, String name) {
        this(source, detection, analysis, name, BATCH_WAIT_MILLIS);
    }

    /**
     * Starts both threads.
     *
     * @param source the frames (closed by the caller after {@link #close()})
     * @param detection detects and tracks
     * @param analysis analyses the faces
     * @param name a name for the threads (the video's)
     * @param batchWaitMillis how long the network thread waits for each further frame of a batch;
     *     0 for live frames: a batch is then what has queued while the networks ran, so no frame
     *     waits for later ones
     */
    public PipelinedAnalyzer(FrameSource source, DetectionStage detection, AnalysisStage analysis, String name,
            long batchWaitMillis) {
        if (batchWaitMillis < 0) {
            throw new IllegalArgumentException("batch wait must be >= 0 ms, got " + batchWaitMillis);
        }
        this.batchWaitMillis = batchWaitMillis;
        decoder = new Thread(() -> decode(source, detection), "ap-video decode+detect " + name);
        networks = new Thread(() -> analyse(source, analysis), "ap-video networks " + name);
        decoder.setDaemon(true);
        networks.setDaemon(true);
        decoder.start();
        networks.start();
    }

    private void decode(FrameSource source, DetectionStage detection) {
        try {
            while (!closed) {
                long t0 = System.nanoTime();
                DecodedFrame frame = source.next();
                long t1 = System.nanoTime();
                if (frame == null) {
                    detected.put(Item.end());
                    return;
                }
                FrameDetections d = detection.detect(frame);
                detectTimings.accumulateAndGet(new PipelineTimings(1, 0, t1 - t0, System.nanoTime() - t1, 0, 0, 0),
                        PipelineTimings::plus);
                detected.put(new Item<>(d, null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException | Error e) {
            pass(detected, e);
        }
    }

    /** Hands an error on to the next thread, waiting for room in its queue unless stopped. */
    private static <T> void pass(BlockingQueue<Item<T>> queue, Throwable e) {
        try {
            queue.put(new Item<>(null, e));
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private void analyse(FrameSource source, AnalysisStage analysis) {
        if (analysis.mayUsePyTorch()) {
            TorchThreads.useOneIntraOpThread();
        }
        try {
            while (!closed) {
                List<Item<FrameDetections>> items = batch();
                List<FrameDetections> batch = new ArrayList<>(items.size());
                Item<FrameDetections> last = null;
                for (Item<FrameDetections> i : items) {
                    if (i.value() == null) {
                        last = i;
                        break;
                    }
                    batch.add(i.value());
                }
                if (!batch.isEmpty()) {
                    AnalysisStage.Batch b = analysis.analyze(batch);
                    int faces = batch.stream().mapToInt(d -> d.faces().size()).sum();
                    analysisTimings.accumulateAndGet(new PipelineTimings(0, faces, 0, 0, b.landmarkNanos(),
                            b.backboneNanos(), 0), PipelineTimings::plus);
                    for (FrameDetections d : batch) {
                        source.recycle(d.frame());
                    }
                    for (FrameAnalysis f : b.frames()) {
                        analysed.put(new Item<>(f, null));
                    }
                }
                if (last != null) {
                    analysed.put(new Item<>(null, last.error()));
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            pass(analysed, e);
        }
    }

    /**
     * The next frames to analyse together: at least one, then more while they wait or arrive
     * within the batch wait, until they hold a network batch of faces, reach
     * {@value #MAX_BATCH_FRAMES} frames, or the stream ends.
     */
    private List<Item<FrameDetections>> batch() throws InterruptedException {
        List<Item<FrameDetections>> items = new ArrayList<>();
        items.add(detected.take());
        int faces = faces(items.get(0));
        while (items.size() < MAX_BATCH_FRAMES && faces < FaceApiNetwork.MAX_BATCH && items.get(items.size() - 1)
                .value() != null) {
            Item<FrameDetections> next = detected.poll(batchWaitMillis, TimeUnit.MILLISECONDS);
            if (next == null) {
                break;
            }
            items.add(next);
            faces += faces(next);
        }
        return items;
    }

    private static int faces(Item<FrameDetections> item) {
        return item.value() == null ? 0 : item.value().faces().size();
    }

    @Override
    public FrameAnalysis next() throws IOException {
        if (finished) {
            return null;
        }
        if (closed) {
            throw new IllegalStateException("this analysis was closed");
        }
        Item<FrameAnalysis> item;
        try {
            item = analysed.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the next frame", e);
        }
        if (item.isEnd()) {
            finished = true;
            return null;
        }
        if (item.error() != null) {
            finished = true;
            rethrow(item.error());
        }
        return item.value();
    }

    private static void rethrow(Throwable e) throws IOException {
        if (e instanceof IOException io) {
            throw io;
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        throw (Error) e;
    }

    @Override
    public PipelineTimings timings() {
        return detectTimings.get().plus(analysisTimings.get());
    }

    /** Stops both threads and waits for them to end. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        decoder.interrupt();
        networks.interrupt();
        try {
            decoder.join();
            networks.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
