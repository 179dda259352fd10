package org.affectiveprocesses.video;

import java.util.Objects;
import org.affectiveprocesses.api.FrameEstimate;

/**
 * One row of a {@link LiveSession}: what the recognizer says about one face in one frame (or about
 * a frame without a face), whether that can still change, and how late it came.
 *
 * @param affect the face's affect in the frame: with an Affective Process, {@link FrameAffect#mean(int)}
 *     and {@link FrameAffect#std(int)} are the AP's estimate of this status
 * @param status {@link FrameEstimate.Status#PROVISIONAL}: the AP's estimate from the face's frames
 *     so far, given at once; {@link FrameEstimate.Status#SETTLED}: the final row (with an AP, what
 *     {@link AffectRecognizer#analyze} gives for the frame; without one, every row is final at once)
 * @param lagFrames frames the session had received after this one when the row was made (0 for a
 *     provisional row)
 * @param lagSeconds the newest frame's timestamp then, minus this frame's
 * @param latencyNanos time from the frame's arrival (the {@code accept} call, or the source giving
 *     the decoded frame) to this row; for a settled row of an AP it includes the wait for later frames
 */
public record LiveAffect(FrameAffect affect, FrameEstimate.Status status, long lagFrames, double lagSeconds,
        long latencyNanos) {
    /** Validates. */
    public LiveAffect {
        Objects.requireNonNull(affect, "affect");
        Objects.requireNonNull(status, "status");
        if (lagFrames < 0 || lagSeconds < 0) {
            throw new IllegalArgumentException("a lag cannot be negative: " + lagFrames + " frames, " + lagSeconds
                    + " s");
        }
    }

    /** Whether this is the frame's final row for this face. */
    public boolean isSettled() {
        return status == FrameEstimate.Status.SETTLED;
    }

    /** {@link #latencyNanos()} in milliseconds. */
    public double latencyMillis() {
        return latencyNanos / 1e6;
    }
}
