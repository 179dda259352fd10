package org.affectiveprocesses.spark;

import java.io.Serializable;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What an extraction did with one video.
 *
 * @param video the video's path
 * @param status what happened
 * @param frames frames analysed (0 unless extracted)
 * @param faces frames with a face (0 unless extracted)
 * @param seconds wall time of the task's work on the video
 * @param error what went wrong (failed only), or null
 */
public record VideoOutcome(String video, Status status, int frames, int faces, double seconds, String error)
        implements Serializable {
    /** What happened to a video. */
    public enum Status {
        /** Its feature file was written by this run. */
        EXTRACTED,
        /** Its feature file existed before this run (or another attempt wrote it first). */
        SKIPPED,
        /** It could not be read or analysed; see the error. */
        FAILED
    }

    /** The columns of {@link #toRow()}. */
    public static final StructType SCHEMA = new StructType()
            .add("video", DataTypes.StringType, false)
            .add("status", DataTypes.StringType, false)
            .add("frames", DataTypes.IntegerType, false)
            .add("faces", DataTypes.IntegerType, false)
            .add("seconds", DataTypes.DoubleType, false)
            .add("error", DataTypes.StringType, true);

    /** The columns of the errors table. */
    public static final StructType ERROR_SCHEMA = new StructType()
            .add("video", DataTypes.StringType, false)
            .add("error", DataTypes.StringType, false);

    static VideoOutcome extracted(String video, int frames, int faces, double seconds) {
        return new VideoOutcome(video, Status.EXTRACTED, frames, faces, seconds, null);
    }

    static VideoOutcome skipped(String video) {
        return new VideoOutcome(video, Status.SKIPPED, 0, 0, 0, null);
    }

    static VideoOutcome failed(String video, Throwable e, double seconds) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getName()
                : e.getClass().getSimpleName() + ": " + e.getMessage().replaceAll("\\s*\\R\\s*", " ");
        return new VideoOutcome(video, Status.FAILED, 0, 0, seconds, message);
    }

    /** The outcome as a row of {@link #SCHEMA}. */
    public Row toRow() {
        return RowFactory.create(video, status.name().toLowerCase(Locale.ROOT), frames, faces, seconds, error);
    }
}
