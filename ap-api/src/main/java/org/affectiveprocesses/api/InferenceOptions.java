package org.affectiveprocesses.api;

import java.util.Objects;

/**
 * How an Affective Process reads a sequence at test time. The defaults are the paper's test
 * protocol: windows of 70 frames, 40 context frames with the lowest σ, no overlap, no samples.
 *
 * <p>Long sequences are covered by windows of {@code windowLength} frames every {@code hop}
 * frames; the last window is aligned to the sequence end, so every frame is covered. Where windows
 * overlap, per-frame predictions are merged as a mixture of the windows' Gaussians with triangular
 * weights (highest at a window's centre). A sequence shorter than the window is read as one
 * window; a window with fewer frames than {@code contextSize} uses all its frames as context.
 *
 * @param windowLength frames per window (L, 70 in the paper)
 * @param hop frames between window starts ({@code <= windowLength}; equal to it = no overlap)
 * @param contextSize context frames per window (C, 40 in the paper)
 * @param selector how the context is chosen
 * @param numSamples function samples to draw (0 = none, at most {@link #MAX_SAMPLES})
 * @param samplingSeed seed of the function samples
 */
public record InferenceOptions(int windowLength, int hop, int contextSize, ContextSelector selector,
        int numSamples, long samplingSeed) {
    /** The type name of {@link #toConfiguration()}. */
    public static final String CONFIGURATION_TYPE = "InferenceOptions";
    /** The version of {@link #toConfiguration()}'s field list. */
    public static final int CONFIGURATION_VERSION = 1;

    /** The paper's window length. */
    public static final int PAPER_WINDOW = 70;
    /** The paper's context size. */
    public static final int PAPER_CONTEXT = 40;
    /**
     * The most function samples drawn per window: plenty for a Monte Carlo spread (the error of
     * a sampled quantile shrinks as 1/sqrt(n)), while samples x frames x dimensions floats of
     * output stay within memory for long videos.
     */
    public static final int MAX_SAMPLES = 1000;

    /** @throws IllegalArgumentException naming the option that is out of range */
    public InferenceOptions {
        Objects.requireNonNull(selector, "selector");
        if (windowLength < 1) {
            throw new IllegalArgumentException("windowLength must be >= 1, got " + windowLength);
        }
        if (hop < 1 || hop > windowLength) {
            throw new IllegalArgumentException("hop must be in [1, windowLength=" + windowLength
                    + "], got " + hop);
        }
        if (contextSize < 1) {
            throw new IllegalArgumentException("contextSize must be >= 1, got " + contextSize);
        }
        if (numSamples < 0 || numSamples > MAX_SAMPLES) {
            throw new IllegalArgumentException("numSamples must be in [0, " + MAX_SAMPLES + "], got " + numSamples);
        }
    }

    /** The paper's test protocol: L = 70, hop 70, C = 40 lowest-σ frames, no samples. */
    public static InferenceOptions paper() {
        return new InferenceOptions(PAPER_WINDOW, PAPER_WINDOW, PAPER_CONTEXT,
                ContextSelectors.lowestSigma(), 0, 0L);
    }

    /** A copy with another window length (the hop follows when it equalled the window). */
    public InferenceOptions withWindowLength(int length) {
        return new InferenceOptions(length, hop == windowLength ? length : Math.min(hop, length),
                contextSize, selector, numSamples, samplingSeed);
    }

    /** A copy with another hop. */
    public InferenceOptions withHop(int newHop) {
        return new InferenceOptions(windowLength, newHop, contextSize, selector, numSamples,
                samplingSeed);
    }

    /** A copy with another context size. */
    public InferenceOptions withContextSize(int size) {
        return new InferenceOptions(windowLength, hop, size, selector, numSamples, samplingSeed);
    }

    /** A copy with another selector. */
    public InferenceOptions withSelector(ContextSelector newSelector) {
        return new InferenceOptions(windowLength, hop, contextSize, newSelector, numSamples,
                samplingSeed);
    }

    /** A copy that draws {@code n} function samples with the given seed. */
    public InferenceOptions withSamples(int n, long seed) {
        return new InferenceOptions(windowLength, hop, contextSize, selector, n, seed);
    }

    /**
     * These options as a structured record (type {@value #CONFIGURATION_TYPE}, version {@value
     * #CONFIGURATION_VERSION}); the selector is stored as {@link ContextSelectors#describe} text.
     *
     * @return every field
     * @throws IllegalArgumentException if the selector is user-defined (it cannot be rebuilt)
     */
    public Configuration toConfiguration() {
        return Configuration.builder(CONFIGURATION_TYPE, CONFIGURATION_VERSION).put("windowLength", windowLength)
                .put("hop", hop).put("contextSize", contextSize).put("selector", ContextSelectors.describe(selector))
                .put("numSamples", numSamples).put("samplingSeed", samplingSeed).build();
    }

    /**
     * Rebuilds options from {@link #toConfiguration()}.
     *
     * @param c the configuration
     * @return the options
     * @throws IllegalArgumentException if {@code c} is not an inference configuration this SDK
     *     reads, or its values are missing or invalid
     */
    public static InferenceOptions fromConfiguration(Configuration c) {
        c.require(CONFIGURATION_TYPE, CONFIGURATION_VERSION);
        return new InferenceOptions(c.smallInteger("windowLength"), c.smallInteger("hop"),
                c.smallInteger("contextSize"), ContextSelectors.parse(c.text("selector")), c.smallInteger("numSamples"),
                c.integer("samplingSeed"));
    }
}
