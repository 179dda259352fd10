package org.affectiveprocesses.api;

import java.util.Objects;

/**
 * How an {@link AffectStream} reads live frames.
 *
 * <p>The stream's settled estimates are the ones {@link AffectiveProcess#predict(AffectSequence,
 * InferenceOptions)} gives with {@code inference} for the whole stream read as one sequence whose
 * id is {@code streamId}; its provisional estimate of a frame is the one that call gives for the
 * frames received so far. The id matters only for what is seeded by window (random context
 * selection, function samples): the batch API keys those by sequence id and window start, and so
 * does the stream.
 *
 * @param streamId the id of the stream, as the id of the sequence it would be in the batch API
 * @param inference the windows, context and samples (as for the batch API)
 * @param provisional whether frames with a face get a provisional estimate at once (false: only
 *     settled estimates, which saves about a quarter of the work per frame)
 */
public record StreamOptions(String streamId, InferenceOptions inference, boolean provisional) {

    /** The stream id {@link #of(InferenceOptions)} uses. */
    public static final String DEFAULT_STREAM_ID = "stream";

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if the id is blank
     */
    public StreamOptions {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(inference, "inference");
        if (streamId.isBlank()) {
            throw new IllegalArgumentException("a stream id must not be blank");
        }
    }

    /**
     * Options with provisional estimates, under the id {@value #DEFAULT_STREAM_ID}.
     *
     * @param inference the windows, context and samples
     * @return the options
     */
    public static StreamOptions of(InferenceOptions inference) {
        return new StreamOptions(DEFAULT_STREAM_ID, inference, true);
    }

    /**
     * A copy with another id.
     *
     * @param id the stream id
     * @return the copy
     */
    public StreamOptions withStreamId(String id) {
        return new StreamOptions(id, inference, provisional);
    }

    /**
     * A copy with other inference options.
     *
     * @param options the windows, context and samples
     * @return the copy
     */
    public StreamOptions withInference(InferenceOptions options) {
        return new StreamOptions(streamId, options, provisional);
    }

    /**
     * A copy with or without provisional estimates.
     *
     * @param on whether frames with a face get a provisional estimate at once
     * @return the copy
     */
    public StreamOptions withProvisional(boolean on) {
        return new StreamOptions(streamId, inference, on);
    }
}
