package org.affectiveprocesses.video;

import java.util.ArrayList;
import java.util.List;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.video.pipeline.FaceAnalysis;
import org.affectiveprocesses.video.pipeline.FrameAnalysis;
import org.affectiveprocesses.video.smoothing.AffectSmoother;

/**
 * The rows of a frame without an Affective Process: one per face (faces in id order) with the
 * backbone's estimate, smoothed when a smoother is given, or one for a frame without a face. Frames
 * must be given in order. Not thread-safe.
 */
final class PerFrameRows {
    private final LabelSpace space;
    private final AffectSmoother smoother;

    /**
     * @param space what the dimensions mean
     * @param smoother smooths each face's estimates, or null
     */
    PerFrameRows(LabelSpace space, AffectSmoother smoother) {
        this.space = space;
        this.smoother = smoother;
    }

    /** The next frame's rows. */
    List<FrameAffect> rows(FrameAnalysis a) {
        if (smoother != null) {
            smoother.end(a.endedFaceIds());
        }
        List<FrameAffect> rows = new ArrayList<>(Math.max(1, a.faces().size()));
        if (a.faces().isEmpty()) {
            rows.add(new FrameAffect(a, null, space, null, null, null));
        }
        for (FaceAnalysis f : a.faces()) {
            float[] smoothed = smoother == null ? null
                    : smoother.smooth(f.id(), a.seconds(), f.encoding().pseudoLabels());
            rows.add(new FrameAffect(a, f, space, null, null, smoothed));
        }
        return rows;
    }
}
