package org.affectiveprocesses.api;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** The context selectors studied in the paper (Fig. 3) plus "all frames". */
public final class ContextSelectors {
    private ContextSelectors() {
    }

    /** The paper's method: the frames whose own latent σ has the lowest norm. The default. */
    public static ContextSelector lowestSigma() {
        return new BySigma(true);
    }

    /** The paper's counter-check: the frames with the highest σ norm. */
    public static ContextSelector highestSigma() {
        return new BySigma(false);
    }

    /**
     * Uniformly random frames, reproducible: the same seed and window give the same frames.
     *
     * @param seed the seed
     */
    public static ContextSelector random(long seed) {
        return new Random(seed);
    }

    /** Every frame of the window (the context size is ignored). */
    public static ContextSelector all() {
        return new All();
    }

    /**
     * A text that {@link #parse(String)} turns back into the same built-in selector: {@code
     * "lowest-sigma"}, {@code "highest-sigma"}, {@code "all"} or {@code "random:<seed>"}.
     *
     * @throws IllegalArgumentException for a user-defined selector, which cannot be stored
     */
    public static String describe(ContextSelector selector) {
        if (selector instanceof BySigma || selector instanceof All) {
            return selector.name();
        }
        if (selector instanceof Random r) {
            return "random:" + r.seed();
        }
        throw new IllegalArgumentException("context selector '" + selector.name()
                + "' is user-defined and cannot be stored in a file; store a built-in one");
    }

    /**
     * The built-in selector a {@link #describe(ContextSelector)} text names (an allow-list: no
     * class is ever looked up by name).
     *
     * @throws IllegalArgumentException naming the accepted forms if the text is not one
     */
    public static ContextSelector parse(String text) {
        switch (text) {
            case "lowest-sigma":
                return lowestSigma();
            case "highest-sigma":
                return highestSigma();
            case "all":
                return all();
            default:
                if (text.startsWith("random:")) {
                    try {
                        return random(Long.parseLong(text.substring(7)));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("bad random selector seed in '" + text + "'", e);
                    }
                }
                throw new IllegalArgumentException("unknown context selector '" + text
                        + "'; expected lowest-sigma, highest-sigma, all or random:<seed>");
        }
    }

    static void checkSize(ContextCandidates candidates, int contextSize) {
        if (contextSize < 1 || contextSize > candidates.windowLength()) {
            throw new IllegalArgumentException("context size " + contextSize
                    + " is outside [1, " + candidates.windowLength() + "] for this window");
        }
    }

    private record BySigma(boolean lowest) implements ContextSelector {
        @Override
        public int[] select(ContextCandidates candidates, int contextSize) {
            checkSize(candidates, contextSize);
            double[] sigma = candidates.sigmaNorms();
            if (sigma == null) {
                candidates.sigmaNorm(0); // throws the explanatory error
            }
            // sort keys that pack the (order-preserving) bits of ±σ above the frame index, so
            // ties go to the earlier frame in both directions, without boxing
            long[] keys = new long[sigma.length];
            for (int i = 0; i < sigma.length; i++) {
                float v = (float) (lowest ? sigma[i] : -sigma[i]);
                int bits = Float.floatToIntBits(v == 0f ? 0f : v);
                int ordered = (bits < 0 ? ~bits : bits | Integer.MIN_VALUE) ^ Integer.MIN_VALUE;
                keys[i] = ((long) ordered << 32) | i;
            }
            Arrays.sort(keys);
            int[] chosen = new int[contextSize];
            for (int k = 0; k < contextSize; k++) {
                chosen[k] = (int) keys[k];
            }
            Arrays.sort(chosen);
            return chosen;
        }

        @Override
        public String name() {
            return lowest ? "lowest-sigma" : "highest-sigma";
        }

        @Override
        public boolean needsUncertainty() {
            return true;
        }
    }

    private record Random(long seed) implements ContextSelector {
        @Override
        public int[] select(ContextCandidates candidates, int contextSize) {
            checkSize(candidates, contextSize);
            int n = candidates.windowLength();
            SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ candidates.windowKey());
            int[] perm = IntStream.range(0, n).toArray();
            for (int i = 0; i < contextSize; i++) {
                int j = i + rng.nextInt(n - i);
                int tmp = perm[i];
                perm[i] = perm[j];
                perm[j] = tmp;
            }
            int[] chosen = Arrays.copyOf(perm, contextSize);
            Arrays.sort(chosen);
            return chosen;
        }

        @Override
        public String name() {
            return "random";
        }
    }

    private record All() implements ContextSelector {
        @Override
        public int[] select(ContextCandidates candidates, int contextSize) {
            return IntStream.range(0, candidates.windowLength()).toArray();
        }

        @Override
        public String name() {
            return "all";
        }
    }
}
