package org.affectiveprocesses.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What an {@link ExtractJob} did: one outcome per video, in the job's order of videos done before
 * (skipped) and then videos given to tasks.
 *
 * @param outcomes every video's outcome
 * @param errorsTable the errors table written (a directory of CSV with a header: video, error)
 * @param wallSeconds the job's wall time
 */
public record ExtractReport(List<VideoOutcome> outcomes, Path errorsTable, double wallSeconds) {
    /** Copies the outcomes. */
    public ExtractReport {
        outcomes = List.copyOf(outcomes);
    }

    /** The outcomes with a status. */
    public List<VideoOutcome> withStatus(VideoOutcome.Status status) {
        List<VideoOutcome> out = new ArrayList<>();
        for (VideoOutcome o : outcomes) {
            if (o.status() == status) {
                out.add(o);
            }
        }
        return out;
    }

    /** The videos that failed, with their errors. */
    public List<VideoOutcome> failures() {
        return withStatus(VideoOutcome.Status.FAILED);
    }

    /** Frames analysed by this run. */
    public long framesExtracted() {
        return withStatus(VideoOutcome.Status.EXTRACTED).stream().mapToLong(VideoOutcome::frames).sum();
    }

    /** Frames analysed per second of the job's wall time. */
    public double framesPerSecond() {
        return wallSeconds > 0 ? framesExtracted() / wallSeconds : 0;
    }

    /** The outcomes as a DataFrame ({@link VideoOutcome#SCHEMA}). */
    public Dataset<Row> toDataFrame(SparkSession spark) {
        return spark.createDataFrame(outcomes.stream().map(VideoOutcome::toRow).toList(), VideoOutcome.SCHEMA);
    }
}
