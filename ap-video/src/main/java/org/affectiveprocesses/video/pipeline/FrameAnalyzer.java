package org.affectiveprocesses.video.pipeline;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.affectiveprocesses.api.backbone.Backbone;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.api.backbone.FrameEncoding;
import org.affectiveprocesses.video.decode.DecodedFrame;
import org.affectiveprocesses.video.decode.FrameSource;
import org.affectiveprocesses.video.face.FaceDetector;
import org.affectiveprocesses.video.face.FaceTracker;
import org.affectiveprocesses.video.face.TrackedFace;

/**
 * The per-frame part of the pipeline: decode a frame, detect faces, follow one face, encode it
 * with the backbone. Times each stage. Single use, not thread-safe; does not own its parts.
 */
public final class FrameAnalyzer {
    private final FrameSource source;
    private final FaceDetector detector;
    private final FaceTracker tracker;
    private final Backbone backbone;
    private PipelineTimings timings = PipelineTimings.NONE;

    /**
     * @param source the frames
     * @param detector finds faces
     * @param tracker follows one face
     * @param backbone encodes the followed face
     */
    public FrameAnalyzer(FrameSource source, FaceDetector detector, FaceTracker tracker, Backbone backbone) {
        this.source = source;
        this.detector = detector;
        this.tracker = tracker;
        this.backbone = backbone;
    }

    /**
     * Analyses the next frame.
     *
     * @return the frame's analysis, or null after the last frame
     * @throws IOException if decoding fails (a {@link org.affectiveprocesses.video.decode.MediaFormatException}
     *     for a damaged or truncated video)
     */
    public FrameAnalysis next() throws IOException {
        long t0 = System.nanoTime();
        DecodedFrame frame = source.next();
        long t1 = System.nanoTime();
        if (frame == null) {
            return null;
        }
        List<FaceBox> faces = inside(detector.detect(frame.image()), frame);
        Optional<TrackedFace> face = tracker.update(faces);
        long t2 = System.nanoTime();
        FrameEncoding encoding = null;
        if (face.isPresent()) {
            encoding = backbone.encode(frame.image(), face.get().box());
        }
        long t3 = System.nanoTime();
        timings = timings.plus(1, face.isPresent() ? 1 : 0, t1 - t0, t2 - t1, t3 - t2, 0);
        return new FrameAnalysis(frame.index(), frame.seconds(), face.orElse(null), encoding);
    }

    /** The time spent so far. */
    public PipelineTimings timings() {
        return timings;
    }

    /**
     * Adds time spent by a later stage on these frames (the temporal model).
     *
     * @param nanos the time in nanoseconds
     */
    public void addTemporal(long nanos) {
        timings = timings.plus(0, 0, 0, 0, 0, nanos);
    }

    /** The detections that overlap the frame by at least one pixel in each direction. */
    private static List<FaceBox> inside(List<FaceBox> faces, DecodedFrame frame) {
        int w = frame.image().width();
        int h = frame.image().height();
        return faces.stream().filter(b -> b.x() + b.width() >= 1 && b.y() + b.height() >= 1
                && b.x() <= w - 1 && b.y() <= h - 1).toList();
    }
}
