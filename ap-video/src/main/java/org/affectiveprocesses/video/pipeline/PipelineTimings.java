package org.affectiveprocesses.video.pipeline;

/**
 * Where the time of an analysis went, summed over its frames.
 *
 * @param frames frames decoded
 * @param faces frames in which the followed face was found (and encoded)
 * @param decodeNanos decoding, including conversion to RGB
 * @param detectNanos face detection and tracking
 * @param backboneNanos cropping and the backbone
 * @param temporalNanos the temporal model (Affective Process), if any
 */
public record PipelineTimings(long frames, long faces, long decodeNanos, long detectNanos, long backboneNanos,
        long temporalNanos) {

    /** No frames yet. */
    public static final PipelineTimings NONE = new PipelineTimings(0, 0, 0, 0, 0, 0);

    /** The total time of all stages in nanoseconds. */
    public long totalNanos() {
        return decodeNanos + detectNanos + backboneNanos + temporalNanos;
    }

    /** Frames per second over all stages (0 before any frame). */
    public double framesPerSecond() {
        return rate(frames, totalNanos());
    }

    /** Frames per second of decoding alone. */
    public double decodeFramesPerSecond() {
        return rate(frames, decodeNanos);
    }

    /** Frames per second of detection alone. */
    public double detectFramesPerSecond() {
        return rate(frames, detectNanos);
    }

    /** Faces per second of the backbone alone. */
    public double backboneFacesPerSecond() {
        return rate(faces, backboneNanos);
    }

    /** A one-paragraph summary. */
    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "%d frames (%d with a face) in %.2f s: %.1f frames/s end to end; decode %.1f ms/frame,"
                        + " detect %.1f ms/frame, backbone %.1f ms/face, temporal model %.1f ms/frame",
                frames, faces, totalNanos() / 1e9, framesPerSecond(), perItem(decodeNanos, frames),
                perItem(detectNanos, frames), perItem(backboneNanos, faces), perItem(temporalNanos, frames));
    }

    PipelineTimings plus(long frameCount, long faceCount, long decode, long detect, long backbone, long temporal) {
        return new PipelineTimings(frames + frameCount, faces + faceCount, decodeNanos + decode,
                detectNanos + detect, backboneNanos + backbone, temporalNanos + temporal);
    }

    private static double rate(long n, long nanos) {
        return nanos <= 0 ? 0 : n * 1e9 / nanos;
    }

    private static double perItem(long nanos, long n) {
        return n == 0 ? 0 : nanos / 1e6 / n;
    }
}
