package org.affectiveprocesses.video;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.video.pipeline.FrameAnalysis;

/**
 * Runs an Affective Process over a stream of frames in blocks, so that a long video never sits in
 * memory: frames are collected until the block holds {@code blockWindows} windows' worth of
 * frames with a face, then the block is predicted as one sequence (the AP's own windowing, context
 * selection and merging apply inside it) and released. The last block, if it has fewer frames with
 * a face than one window, borrows the frames with a face just before it so its window is full
 * length, as the AP's window plan does at the end of a whole sequence; only its own frames are
 * reported. Not thread-safe.
 */
final class TemporalBlocks {
    private final AffectiveProcess process;
    private final InferenceOptions options;
    private final String id;
    private final LabelSpace space;
    private final int featureSize;
    private final int blockValid;
    private final List<FrameAnalysis> pending = new ArrayList<>();
    private final Deque<FrameAnalysis> recent = new ArrayDeque<>();
    private int pendingValid;
    private int block;

    TemporalBlocks(AffectiveProcess process, InferenceOptions options, String id, int blockWindows) {
        this.process = process;
        this.options = options;
        this.id = id;
        this.space = process.labelSpace();
        this.featureSize = process.featureSize();
        this.blockValid = options.windowLength() * blockWindows;
    }

    /** Adds a frame; returns the frames that are now predicted (often none). */
    List<FrameAffect> add(FrameAnalysis frame) {
        pending.add(frame);
        if (frame.faceFound()) {
            pendingValid++;
        }
        return pendingValid >= blockValid ? flush() : List.of();
    }

    /** Predicts what is left at the end of the video. */
    List<FrameAffect> finish() {
        return pending.isEmpty() ? List.of() : flush();
    }

    private List<FrameAffect> flush() {
        List<FrameAnalysis> borrowed = new ArrayList<>();
        int need = options.windowLength() - pendingValid;
        if (pendingValid > 0 && need > 0) {
            List<FrameAnalysis> r = new ArrayList<>(recent);
            borrowed.addAll(r.subList(Math.max(0, r.size() - need), r.size()));
        }
        List<FrameAffect> out = new ArrayList<>(pending.size());
        if (pendingValid == 0) {
            for (FrameAnalysis f : pending) {
                out.add(new FrameAffect(f, space, null, null));
            }
        } else {
            AffectSequence.Builder b = AffectSequence.builder(id + "#block" + block, space, featureSize);
            for (FrameAnalysis f : borrowed) {
                b.addFrame(f.seconds(), f.encoding().features(), f.encoding().pseudoLabels(), null);
            }
            for (FrameAnalysis f : pending) {
                if (f.faceFound()) {
                    b.addFrame(f.seconds(), f.encoding().features(), f.encoding().pseudoLabels(), null);
                } else {
                    b.addInvalidFrame(f.seconds());
                }
            }
            Prediction p = process.predict(b.build(), options);
            int dy = space.size();
            for (int i = 0; i < pending.size(); i++) {
                int t = borrowed.size() + i;
                FrameAnalysis f = pending.get(i);
                if (!p.isPredicted(t)) {
                    out.add(new FrameAffect(f, space, null, null));
                    continue;
                }
                float[] mean = new float[dy];
                float[] std = new float[dy];
                for (int d = 0; d < dy; d++) {
                    mean[d] = p.mean(t, d);
                    std[d] = p.std(t, d);
                }
                out.add(new FrameAffect(f, space, mean, std));
            }
        }
        for (FrameAnalysis f : pending) {
            if (f.faceFound()) {
                recent.addLast(f);
                if (recent.size() > options.windowLength()) {
                    recent.removeFirst();
                }
            }
        }
        pending.clear();
        pendingValid = 0;
        block++;
        return out;
    }
}
