package org.affectiveprocesses.synthetic;

import java.util.function.DoubleConsumer;

/**
 * The generator's own random number source: SplitMix64 (Steele, Lea &amp; Flood 2014) with a
 * Marsaglia polar Gaussian computed through {@link StrictMath}, so that every value drawn is a
 * function of the seed alone, bit for bit, on every JVM and platform.
 *
 * <p>Independent streams are derived from the corpus seed and a path of integers (purpose,
 * subject, video), so the data of one video does not depend on the order or the thread in
 * which videos are generated.
 */
final class Rng {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;
    private double spare;
    private boolean hasSpare;

    Rng(long seed) {
        this.state = seed;
    }

    /** A stream derived from a seed and a path of stream identifiers. */
    static Rng derive(long seed, long... path) {
        long s = mix(seed + GOLDEN_GAMMA);
        for (long p : path) {
            s = mix(s ^ mix(p * GOLDEN_GAMMA + 0x632BE59BD9B4E019L));
        }
        return new Rng(s);
    }

    /** The SplitMix64 output function (a bijective 64-bit mixer). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [lo, hi). */
    double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Uniform integer in [lo, hi] (inclusive). */
    int uniformInt(int lo, int hi) {
        long span = (long) hi - lo + 1;
        return (int) (lo + (long) (nextDouble() * span));
    }

    /** An exponential variate with the given mean. */
    double exponential(double mean) {
        return -mean * StrictMath.log(1.0 - nextDouble());
    }

    /**
     * The times of a Poisson process with the given mean gap, from {@code from} (exclusive of the
     * first gap) up to {@code until}, in order. Each time is passed on before the next gap is
     * drawn, so what the consumer draws from this stream comes between the gaps.
     *
     * @param meanGap the mean time between events
     * @param from where the process starts (the first event is one gap later)
     * @param until the end (exclusive)
     * @param at receives each event's time
     */
    void poissonTimes(double meanGap, double from, double until, DoubleConsumer at) {
        for (double t = from + exponential(meanGap); t < until; t += exponential(meanGap)) {
            at.accept(t);
        }
    }

    /** A standard normal variate (Marsaglia's polar method). */
    double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = 2.0 * nextDouble() - 1.0;
            v = 2.0 * nextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        double m = Math.sqrt(-2.0 * StrictMath.log(s) / s);
        spare = v * m;
        hasSpare = true;
        return u * m;
    }
}
