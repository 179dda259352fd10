package org.affectiveprocesses.video;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.TreeMap;
import java.util.Map;
import org.affectiveprocesses.api.AffectStream;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.FrameEstimate;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.StreamListener;
import org.affectiveprocesses.api.StreamOptions;
import org.affectiveprocesses.video.pipeline.FaceAnalysis;
import org.affectiveprocesses.video.pipeline.FrameAnalysis;

/**
 * One live Affective Process stream ({@link AffectiveProcess#stream}) per face of a live session:
 * each face (id) is one sequence of its own frames, as {@link TemporalTracks} reads it for a file,
 * so a face's settled rows are what {@link AffectRecognizer#analyze} gives. A face's stream is
 * closed (its last frames settled) when its track ends or the session does. A frame without a face
 * gives its row at once. Not thread-safe: the session's delivery thread.
 */
final class FaceStreams {
    /** Receives the rows. */
    @FunctionalInterface
    interface Sink {
        /**
         * @param row the row
         * @param status provisional or settled
         * @param arrivalNanos when its frame arrived ({@link System#nanoTime()})
         */
        void emit(FrameAffect row, FrameEstimate.Status status, long arrivalNanos);
    }

    /** A face in a frame awaiting its settled estimate. */
    private record Pending(FrameAnalysis frame, FaceAnalysis face, long arrivalNanos) {
    }

    private final AffectiveProcess process;
    private final StreamOptions options;
    private final String session;
    private final LabelSpace space;
    private final Sink sink;
    private final Map<Integer, Face> faces = new TreeMap<>();

    /**
     * @param process the Affective Process
     * @param options the stream options (the face's id is added to the stream id)
     * @param session the session's name
     * @param sink receives the rows
     */
    FaceStreams(AffectiveProcess process, StreamOptions options, String session, Sink sink) {
        this.process = process;
        this.options = options;
        this.session = session;
        this.space = process.labelSpace();
        this.sink = sink;
    }

    /** One face's stream and its frames not yet settled (at most the window length plus one). */
    private final class Face implements StreamListener {
        private final AffectStream stream;
        private final Deque<Pending> pending = new ArrayDeque<>();
        private long nextSettled;

        Face(int id) {
            this.stream = process.stream(options.withStreamId(options.streamId() + "#" + session + "#face" + id),
                    this);
        }

        void add(FrameAnalysis a, FaceAnalysis f, long arrivalNanos) {
            pending.addLast(new Pending(a, f, arrivalNanos));
            stream.accept(a.seconds(), f.encoding().features(), f.encoding().pseudoLabels());
        }

        @Override
        public void onEstimate(FrameEstimate e) {
            if (e.isSettled()) {
                if (e.frame() != nextSettled) {
                    throw new IllegalStateException("face stream settled frame " + e.frame() + " before "
                            + nextSettled);
                }
                nextSettled++;
                emit(pending.removeFirst(), e);
            } else {
                emit(pending.peekLast(), e);
            }
        }

        private void emit(Pending p, FrameEstimate e) {
            int dy = space.size();
            float[] mean = new float[dy];
            float[] std = new float[dy];
            for (int d = 0; d < dy; d++) {
                mean[d] = e.mean(d);
                std[d] = e.std(d);
            }
            sink.emit(new FrameAffect(p.frame(), p.face(), space, mean, std, null), e.status(), p.arrivalNanos());
        }
    }

    /** Adds a frame: ends the streams of faces whose tracks ended, then feeds each face's stream. */
    void add(FrameAnalysis a, long arrivalNanos) {
        for (int id : a.endedFaceIds()) {
            Face f = faces.remove(id);
            if (f != null) {
                f.stream.close();
            }
        }
        if (a.faces().isEmpty()) {
            sink.emit(new FrameAffect(a, null, space, null, null, null), FrameEstimate.Status.SETTLED, arrivalNanos);
        }
        for (FaceAnalysis f : a.faces()) {
            faces.computeIfAbsent(f.id(), Face::new).add(a, f, arrivalNanos);
        }
    }

    /** Settles every face's remaining frames. */
    void finish() {
        faces.values().forEach(f -> f.stream.close());
        faces.clear();
    }
}
