package org.affectiveprocesses.spark;

import java.nio.file.Path;

/**
 * What a {@link PredictJob} wrote.
 *
 * @param output the output directory
 * @param videos videos predicted
 * @param frames frames written
 * @param wallSeconds the job's wall time
 */
public record PredictReport(Path output, int videos, long frames, double wallSeconds) {
    /** Frames per second of wall time. */
    public double framesPerSecond() {
        return wallSeconds > 0 ? frames / wallSeconds : 0;
    }
}
