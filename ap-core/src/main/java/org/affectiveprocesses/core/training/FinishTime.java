package org.affectiveprocesses.core.training;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time a training records as finished in its provenance ({@code createdUtc}): now, to the
 * second, or the time the environment variable {@code SOURCE_DATE_EPOCH} gives (whole seconds
 * since 1970-01-01 UTC, the reproducible-builds.org convention), so that two runs of one training
 * can write byte-identical model files. Used by the AP trainer and the baselines' trainer.
 */
public final class FinishTime {
    public static final String VARIABLE = "SOURCE_DATE_EPOCH";

    private FinishTime() {
    }

    /**
     * The time as ISO-8601 UTC.
     *
     * @param variable the value of {@code SOURCE_DATE_EPOCH}, or null when it is not set
     * @throws IllegalArgumentException if it is set but not whole seconds in Instant's range
     */
    public static String of(String variable) {
        if (variable == null || variable.isEmpty()) {
            return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(variable)).toString();
        } catch (NumberFormatException | DateTimeException e) {
            throw new IllegalArgumentException(VARIABLE + " must be whole seconds since 1970-01-01 UTC, got '"
                    + variable + "'");
        }
    }

    /** {@link #of} with the environment's value. */
    public static String now() {
        return of(System.getenv(VARIABLE));
    }
}
