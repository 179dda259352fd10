package org.affectiveprocesses.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.affectiveprocesses.video.decode.FrameSources;
import org.apache.spark.sql.SparkSession;

/**
 * Videos to a feature store on Spark, one task per video: each video goes through the path of
 * {@code ap extract} (decoding, face detection and tracking, the backbone) and becomes
 * {@code <store>/<stem>.npz} (the feature file of {@code docs/FEATURE-FORMAT.md}, identical to what
 * {@code ap extract} writes) and {@code <store>/csv/<stem>.csv}.
 *
 * <pre>{@code
 * ExtractReport r = ExtractJob.of(VideoInputs.expand(List.of(Path.of("/data/videos"))), Path.of("/data/store"))
 *         .run(spark);
 * r.failures().forEach(f -> System.out.println(f.video() + ": " + f.error()));
 * }</pre>
 *
 * <ul>
 *   <li>The backbone and face detector are loaded once per executor JVM and task slot, never per
 *       task or frame ({@link RecognizerPool}).
 *   <li>Idempotent: a video whose feature file exists is skipped, so a rerun after a failure does
 *       only what is left; outputs are moved into place atomically, so retried and speculative task
 *       attempts never leave half files.
 *   <li>A video that cannot be read or analysed is recorded, with its error, in the errors table
 *       {@code <store>/_errors} (CSV with a header: video, error; replaced by every run) while the
 *       job goes on; a rerun tries it again.
 * </ul>
 *
 * @param videos absolute paths of the videos (files or image folders), with distinct name stems
 * @param store the feature store directory (created if missing)
 * @param backbone the backbone's name ({@code Backbones.byName})
 * @param detector the face detector's name ({@code FaceDetectors.byName})
 * @param folderFps the frame rate given to image folders
 */
public record ExtractJob(List<String> videos, String store, String backbone, String detector, double folderFps)
        implements Serializable {
    /**
     * @throws IllegalArgumentException if there is no video, a path is relative, two videos share
     *     a name stem, or the frame rate is not positive
     */
    public ExtractJob {
        videos = List.copyOf(videos);
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(backbone, "backbone");
        Objects.requireNonNull(detector, "detector");
        if (videos.isEmpty()) {
            throw new IllegalArgumentException("an extraction needs at least one video");
        }
        for (String v : videos) {
            if (!Path.of(v).isAbsolute()) {
                throw new IllegalArgumentException("video path " + v + " is relative; executors need absolute paths");
            }
        }
        if (!Path.of(store).isAbsolute()) {
            throw new IllegalArgumentException("store path " + store + " is relative; executors need absolute paths");
        }
        VideoInputs.requireDistinctStems(videos.stream().map(Path::of).toList());
        if (!(folderFps > 0) || !Double.isFinite(folderFps)) {
            throw new IllegalArgumentException("folder frame rate must be positive, got " + folderFps);
        }
    }

    /**
     * An extraction with the defaults of {@code ap extract}: the face-expression backbone, the
     * BlazeFace detector, image folders at 30 frames/s.
     *
     * @param videos the videos (made absolute)
     * @param store the feature store directory (made absolute)
     */
    public static ExtractJob of(List<Path> videos, Path store) {
        return new ExtractJob(VideoInputs.strings(videos), store.toAbsolutePath().normalize().toString(),
                "face-expression", "blazeface", FrameSources.DEFAULT_FOLDER_FPS);
    }

    /** A copy with another backbone (by name). */
    public ExtractJob withBackbone(String name) {
        return new ExtractJob(videos, store, name, detector, folderFps);
    }

    /** A copy with another face detector (by name). */
    public ExtractJob withDetector(String name) {
        return new ExtractJob(videos, store, backbone, name, folderFps);
    }

    /** A copy with another frame rate for image folders. */
    public ExtractJob withFolderFrameRate(double fps) {
        return new ExtractJob(videos, store, backbone, detector, fps);
    }

    /**
     * Runs the extraction and writes the errors table.
     *
     * @return what happened to every video
     * @throws IOException if the store's directories cannot be created or the errors table written
     */
    public ExtractReport run(SparkSession spark) throws IOException {
        return Extraction.run(spark, this, FrameHook.NONE);
    }

    RecognizerPool.Settings recognizerSettings() {
        return new RecognizerPool.Settings(backbone, detector, folderFps);
    }
}
