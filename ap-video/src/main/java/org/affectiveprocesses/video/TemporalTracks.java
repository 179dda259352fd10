package org.affectiveprocesses.video;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.video.pipeline.FaceAnalysis;
import org.affectiveprocesses.video.pipeline.FrameAnalysis;

/**
 * Runs an Affective Process over each face's frames, streamed, so that a long video never sits in
 * memory. Each face (id) is one sequence: its frames are collected until they hold
 * {@code blockWindows} windows, then predicted as one sequence (the AP's own windowing, context
 * selection and merging apply inside it) and released; the rest is predicted when the face's
 * track ends or the video does. A face's last block, if shorter than one window, borrows the
 * face's frames just before it so its window is full length, as the AP's window plan does at the
 * end of a whole sequence; only its own frames are reported. Rows come out in frame order, each
 * frame once all its faces are predicted. Not thread-safe.
 */
final class TemporalTracks {
    private final AffectiveProcess process;
    private final InferenceOptions options;
    private final String video;
    private final LabelSpace space;
    private final int featureSize;
    private final int blockValid;
    private final Map<Integer, Track> tracks = new HashMap<>();
    private final Deque<Frame> pending = new ArrayDeque<>();

    TemporalTracks(AffectiveProcess process, InferenceOptions options, String video, int blockWindows) {
        this.process = process;
        this.options = options;
        this.video = video;
        this.space = process.labelSpace();
        this.featureSize = process.featureSize();
        this.blockValid = options.windowLength() * blockWindows;
    }

    /** A face of a frame awaiting its prediction. */
    private static final class Row {
        final FrameAnalysis frame;
        final FaceAnalysis face;
        float[] mean;
        float[] std;
        boolean done;

        Row(FrameAnalysis frame, FaceAnalysis face) {
            this.frame = frame;
            this.face = face;
            this.done = face == null;
        }
    }

    /** A frame's rows, released together. */
    private record Frame(List<Row> rows) {
        boolean done() {
            return rows.stream().allMatch(r -> r.done);
        }
    }

    /** One face's frames: those awaiting prediction, and the last window's worth already predicted. */
    private final class Track {
        final int id;
        final List<Row> waiting = new ArrayList<>();
        final Deque<Row> recent = new ArrayDeque<>();
        int blocks;

        Track(int id) {
            this.id = id;
        }

        void add(Row r) {
            waiting.add(r);
            if (waiting.size() >= blockValid) {
                flush();
            }
        }

        void flush() {
            if (waiting.isEmpty()) {
                return;
            }
            List<Row> borrowed = new ArrayList<>();
            int need = options.windowLength() - waiting.size();
            if (need > 0) {
                List<Row> r = new ArrayList<>(recent);
                borrowed.addAll(r.subList(Math.max(0, r.size() - need), r.size()));
            }
            AffectSequence.Builder b = AffectSequence.builder(video + "#face" + id + "#block" + blocks, space,
                    featureSize);
            for (Row r : borrowed) {
                b.addFrame(r.frame.seconds(), r.face.encoding().features(), r.face.encoding().pseudoLabels(), null);
            }
            for (Row r : waiting) {
                b.addFrame(r.frame.seconds(), r.face.encoding().features(), r.face.encoding().pseudoLabels(), null);
            }
            Prediction p = process.predict(b.build(), options);
            int dy = space.size();
            for (int i = 0; i < waiting.size(); i++) {
                int t = borrowed.size() + i;
                Row r = waiting.get(i);
                if (p.isPredicted(t)) {
                    r.mean = new float[dy];
                    r.std = new float[dy];
                    for (int d = 0; d < dy; d++) {
                        r.mean[d] = p.mean(t, d);
                        r.std[d] = p.std(t, d);
                    }
                }
                r.done = true;
                recent.addLast(r);
                if (recent.size() > options.windowLength()) {
                    recent.removeFirst();
                }
            }
            waiting.clear();
            blocks++;
        }
    }

    /** Adds a frame; returns the rows now predicted, in frame order (often none). */
    List<FrameAffect> add(FrameAnalysis frame) {
        for (int id : frame.endedFaceIds()) {
            Track t = tracks.remove(id);
            if (t != null) {
                t.flush();
            }
        }
        List<Row> rows = new ArrayList<>();
        if (frame.faces().isEmpty()) {
            rows.add(new Row(frame, null));
        }
        for (FaceAnalysis f : frame.faces()) {
            rows.add(new Row(frame, f));
        }
        pending.add(new Frame(rows));
        for (Row r : rows) {
            if (r.face != null) {
                tracks.computeIfAbsent(r.face.id(), Track::new).add(r);
            }
        }
        return release();
    }

    /** Predicts what is left at the end of the video; returns the remaining rows. */
    List<FrameAffect> finish() {
        tracks.values().forEach(Track::flush);
        tracks.clear();
        return release();
    }

    private List<FrameAffect> release() {
        List<FrameAffect> out = new ArrayList<>();
        while (!pending.isEmpty() && pending.peekFirst().done()) {
            for (Row r : pending.removeFirst().rows()) {
                out.add(new FrameAffect(r.frame, r.face, space, r.mean, r.std, null));
            }
        }
        return out;
    }
}
