package org.affectiveprocesses.core.inference;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * What is seeded per window, so that results do not depend on how windows are batched or whether
 * they are read from a file or a live stream: a window's 64-bit key (from the sequence id and the
 * window's first frame), which seeds random context selection, and the sampling noise ε drawn
 * from it.
 */
final class WindowSeeds {
    private WindowSeeds() {
    }

    /**
     * The FNV-1a hash of a sequence id, the part of {@link #key} that does not change along a sequence.
     *
     * @param sequenceId the id
     * @return its hash
     */
    static long idHash(String sequenceId) {
        long h = 0xcbf29ce484222325L;
        for (byte c : sequenceId.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (c & 0xff)) * 0x100000001b3L;
        }
        return h;
    }

    /**
     * A window's key: the id's hash mixed with the window's first frame.
     *
     * @param idHash {@link #idHash} of the sequence id
     * @param start the sequence index of the window's first frame
     * @return the key
     */
    static long key(long idHash, long start) {
        return idHash * 31 + start;
    }

    /**
     * Draws a window's standard-normal noise: sample s, latent k is the (s·Z + k)-th draw of a
     * generator seeded by the sampling seed and the window's key.
     *
     * @param samplingSeed the seed of the function samples
     * @param key the window's key
     * @param numSamples N
     * @param z Z
     * @param dst where the draws go: sample s at {@code offset + s * sampleStride}
     * @param offset where sample 0 starts
     * @param sampleStride the distance between samples in {@code dst}
     */
    static void noise(long samplingSeed, long key, int numSamples, int z, float[] dst, int offset, int sampleStride) {
        SplittableRandom rng = new SplittableRandom(samplingSeed * 0x9E3779B97F4A7C15L ^ key);
        for (int s = 0; s < numSamples; s++) {
            for (int k = 0; k < z; k++) {
                dst[offset + s * sampleStride + k] = (float) rng.nextGaussian();
            }
        }
    }
}
