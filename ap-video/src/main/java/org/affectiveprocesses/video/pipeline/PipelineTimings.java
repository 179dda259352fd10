package org.affectiveprocesses.video.pipeline;

import java.util.Locale;

/**
 * Where the time of an analysis went, summed over its frames. With the two-thread pipeline the
 * stages overlap: their sum exceeds the wall time.
 *
 * @param frames frames decoded
 * @param faces faces analysed (landmarks, head pose, backbone)
 * @param decodeNanos decoding, including conversion to RGB
 * @param detectNanos shot cuts, face detection and tracking
 * @param landmarkNanos face crops, the landmark network and head poses
 * @param backboneNanos face crops, the backbone and the identity check
 * @param temporalNanos the temporal model (Affective Process) and smoothing, if any
 */
public record PipelineTimings(long frames, long faces, long decodeNanos, long detectNanos, long landmarkNanos,
        long backboneNanos, long temporalNanos) {

    /** No frames yet. */
    public static final PipelineTimings NONE = new PipelineTimings(0, 0, 0, 0, 0, 0, 0);

    /** The sum of all stages in nanoseconds. */
    public long totalNanos() {
        return decodeNanos + detectNanos + landmarkNanos + backboneNanos + temporalNanos;
    }

    /** Frames per second of decoding alone. */
    public double decodeFramesPerSecond() {
        return rate(frames, decodeNanos);
    }

    /** Frames per second of detection and tracking alone. */
    public double detectFramesPerSecond() {
        return rate(frames, detectNanos);
    }

    /** Faces per second of the landmark stage alone. */
    public double landmarkFacesPerSecond() {
        return rate(faces, landmarkNanos);
    }

    /** Faces per second of the backbone stage alone. */
    public double backboneFacesPerSecond() {
        return rate(faces, backboneNanos);
    }

    /** A one-line summary of the stages. */
    public String summary() {
        return String.format(Locale.ROOT,
                "%d frames, %d faces; decode %.2f ms/frame, detect %.2f ms/frame, landmarks %.2f ms/face,"
                        + " backbone %.2f ms/face, temporal model %.2f ms/frame",
                frames, faces, perItem(decodeNanos, frames), perItem(detectNanos, frames),
                perItem(landmarkNanos, faces), perItem(backboneNanos, faces), perItem(temporalNanos, frames));
    }

    /** These timings plus others. */
    public PipelineTimings plus(PipelineTimings o) {
        return new PipelineTimings(frames + o.frames, faces + o.faces, decodeNanos + o.decodeNanos,
                detectNanos + o.detectNanos, landmarkNanos + o.landmarkNanos, backboneNanos + o.backboneNanos,
                temporalNanos + o.temporalNanos);
    }

    private static double rate(long n, long nanos) {
        return nanos <= 0 ? 0 : n * 1e9 / nanos;
    }

    private static double perItem(long nanos, long n) {
        return n == 0 ? 0 : nanos / 1e6 / n;
    }
}
