package org.affectiveprocesses.video.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.affectiveprocesses.api.backbone.Backbone;
import org.affectiveprocesses.video.AffectRecognizer;
import org.affectiveprocesses.video.FrameAffect;
import org.affectiveprocesses.video.FrameAffects;
import org.affectiveprocesses.backbone.expression.FaceExpressionBackbone;
import org.affectiveprocesses.video.pipeline.PipelineTimings;

/**
 * Runs a recognizer over one video and writes the per-face, per-frame CSV ({@link AffectCsv}) and,
 * optionally, the feature file of the largest face of each frame ({@link FeatureCollector}).
 * Outputs appear only when the whole video was analysed: a decoding error part-way leaves neither
 * file behind.
 */
public final class VideoExport {
    private VideoExport() {
    }

    /** Receives progress after every frame. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param frames frames done
         * @param declaredFrames the frames the container declares, or -1
         * @param elapsedSeconds wall time so far
         */
        void update(int frames, int declaredFrames, double elapsedSeconds);
    }

    /**
     * What an export did.
     *
     * @param frames frames analysed
     * @param faces frames in which a face was found
     * @param faceRows rows with a face (one per face per frame)
     * @param timings time per stage (the stages overlap on the pipeline's two threads)
     * @param wallSeconds wall time of the whole export
     */
    public record Result(int frames, int faces, int faceRows, PipelineTimings timings, double wallSeconds) {
        /** Frames per second, wall time. */
        public double framesPerSecond() {
            return wallSeconds > 0 ? frames / wallSeconds : 0;
        }
    }

    /**
     * Analyses a video and writes its outputs.
     *
     * @param recognizer the recognizer (with an Affective Process or smoothing, the CSV gets their
     *     columns)
     * @param video the video file or image folder
     * @param csv the CSV to write (one row per face per frame)
     * @param features the feature file to write (the largest face of each frame), or null for none
     * @param progress receives progress after every frame
     * @return counts and timings
     * @throws org.affectiveprocesses.video.decode.MediaFormatException if the video is not readable,
     *     damaged or truncated (no output is left)
     * @throws IOException if reading or writing fails (no output is left)
     */
    public static Result run(AffectRecognizer recognizer, Path video, Path csv, Path features, Progress progress)
            throws IOException {
        Objects.requireNonNull(csv, "csv");
        long t0 = System.nanoTime();
        Backbone backbone = recognizer.backbone();
        AffectCsv.Columns columns = AffectCsv.Columns.of(recognizer);
        int frames = 0;
        int faces = 0;
        int faceRows = 0;
        PipelineTimings timings;
        try (FrameAffects affects = recognizer.analyze(video); AffectCsv out = AffectCsv.create(csv, columns)) {
            FeatureCollector collector = features == null ? null
                    : new FeatureCollector(video.getFileName().toString(), backbone.labelSpace(),
                            backbone.featureSize(), describe(backbone));
            FrameAffect largest = null;
            try {
                for (FrameAffect f : affects) {
                    out.write(f);
                    if (f.faceFound()) {
                        faceRows++;
                    }
                    if (largest != null && largest.frame() != f.frame()) {
                        frames++;
                        faces += largest.faceFound() ? 1 : 0;
                        if (collector != null) {
                            collector.add(largest);
                        }
                        progress.update(frames, affects.declaredFrames(), (System.nanoTime() - t0) / 1e9);
                        largest = null;
                    }
                    if (largest == null || area(f) > area(largest)) {
                        largest = f;
                    }
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            if (largest != null) {
                frames++;
                faces += largest.faceFound() ? 1 : 0;
                if (collector != null) {
                    collector.add(largest);
                }
                progress.update(frames, affects.declaredFrames(), (System.nanoTime() - t0) / 1e9);
            }
            timings = affects.timings();
            if (collector != null) {
                collector.write(features);
            }
            try {
                out.commit();
            } catch (IOException e) {
                if (features != null) {
                    Files.deleteIfExists(features);
                }
                throw e;
            }
        }
        return new Result(frames, faces, faceRows, timings, (System.nanoTime() - t0) / 1e9);
    }

    private static double area(FrameAffect f) {
        return f.face().map(b -> b.area()).orElse(-1.0);
    }

    private static String describe(Backbone b) {
        return b instanceof FaceExpressionBackbone
                ? FaceExpressionBackbone.NAME + " (@vladmandic/face-api 1.7.15 face_expression_model, 256-d embedding)"
                : b.name();
    }
}
