package org.affectiveprocesses.metrics;

import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.InverseErfc;

/**
 * How trustworthy a per-frame Gaussian prediction N(μ<sub>t</sub>, σ<sub>t</sub>²) is: the
 * standard measures of regression calibration, as small static functions over aligned arrays of
 * ground truth y, predicted mean μ and predicted standard deviation σ (one value per frame).
 *
 * <ul>
 *   <li><b>Coverage</b> of the central interval at level p: the fraction of frames with
 *       |y − μ| ≤ z<sub>p</sub>σ, z<sub>p</sub> = Φ⁻¹((1 + p)/2) ({@link #coverage}); a calibrated
 *       model covers a fraction p (68.3% at z = 1, 95.4% at z = 2).
 *   <li><b>Gaussian negative log-likelihood</b>: the mean of log σ + (y − μ)²/(2σ²) + ½ log 2π
 *       ({@link #nll}); lower is better, and it rewards sharp and calibrated σ together.
 *   <li><b>Regression calibration error</b> (Kuleshov, Fenner and Ermon, ICML 2018): for levels
 *       p<sub>j</sub> in (0, 1), the observed frequency p̂<sub>j</sub> = mean[Φ((y − μ)/σ) ≤
 *       p<sub>j</sub>] ({@link #observedFrequencies}); the error is Σ<sub>j</sub> (p<sub>j</sub> −
 *       p̂<sub>j</sub>)² ({@link #calibrationError}), and p̂ against p is the reliability diagram.
 *       {@link #levels()} are the levels used unless others are given: 0.05, 0.10, ..., 0.95.
 *   <li><b>Sharpness</b>: the mean σ ({@link #sharpness}), reported beside the others because a
 *       constant wide σ can cover well and say nothing.
 *   <li><b>Variance scaling</b> (Levi, Gispan, Giladi and Fetaya, 2019; Kuleshov et al. 2018): the
 *       factor s minimising the NLL of N(μ, (sσ)²), in closed form s² = mean[(y − μ)²/σ²]
 *       ({@link #varianceScale}).
 * </ul>
 *
 * <p>Φ is the standard normal distribution function, computed from the complementary error
 * function of Apache Commons Numbers. Every function checks its arguments: non-null arrays of
 * equal length, at least two frames, finite values, and σ &gt; 0; the message names the argument
 * and the index.
 */
public final class Calibration {
    private static final double[] LEVELS = levels(19);

    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double SQRT2 = Math.sqrt(2);

    private Calibration() {}

    /**
     * The fraction of frames whose truth lies in the central interval of probability {@code level}
     * of their predicted Gaussian: |y − μ| ≤ Φ⁻¹((1 + level)/2)·σ.
     *
     * @param truth ground truth
     * @param mean predicted means
     * @param std predicted standard deviations (&gt; 0)
     * @param level the interval's probability, in (0, 1); e.g. 0.6827 for ±1σ
     * @return the observed coverage in [0, 1]
     * @throws IllegalArgumentException if the arguments are invalid (see the class description)
     *     or the level is not in (0, 1)
     */
    public static double coverage(double[] truth, double[] mean, double[] std, double level) {
        requireGaussian(truth, mean, std);
        requireLevel(level);
        return coverageWithin(truth, mean, std, halfWidth(level));
    }

    /**
     * The fraction of frames with |y − μ| ≤ k·σ.
     *
     * @param truth ground truth
     * @param mean predicted means
     * @param std predicted standard deviations (&gt; 0)
     * @param k the half-width in standard deviations (&gt; 0); 1 and 2 give the 68.3% and 95.4% intervals
     * @return the observed coverage in [0, 1]
     * @throws IllegalArgumentException if the arguments are invalid or {@code k} is not positive and finite
     */
    public static double coverageWithinSigmas(double[] truth, double[] mean, double[] std, double k) {
        requireGaussian(truth, mean, std);
        if (!(k > 0) || !Double.isFinite(k)) {
            throw new IllegalArgumentException("k must be positive and finite, got " + k);
        }
        return coverageWithin(truth, mean, std, k);
    }

    /**
     * The probability of the central interval ±k·σ of a Gaussian: 2Φ(k) − 1.
     *
     * @param k the half-width in standard deviations (&ge; 0)
     * @return the nominal coverage, e.g. 0.6827 for k = 1
     */
    public static double nominalCoverage(double k) {
        return 1 - Erfc.value(k / SQRT2);
    }

    /**
     * The mean Gaussian negative log-likelihood log σ + (y − μ)²/(2σ²) + ½ log 2π.
     *
     * @param truth ground truth
     * @param mean predicted means
     * @param std predicted standard deviations (&gt; 0)
     * @return the mean NLL in nats
     * @throws IllegalArgumentException if the arguments are invalid
     */
    public static double nll(double[] truth, double[] mean, double[] std) {
        requireGaussian(truth, mean, std);
        CompensatedSum sum = new CompensatedSum();
        for (int i = 0; i < truth.length; i++) {
            double z = (truth[i] - mean[i]) / std[i];
            sum.add(Math.log(std[i]) + 0.5 * z * z + HALF_LOG_2PI);
        }
        return sum.value() / truth.length;
    }

    /**
     * The observed frequencies of the reliability diagram: for each level p, the fraction of
     * frames with Φ((y − μ)/σ) ≤ p.
     *
     * @param truth ground truth
     * @param mean predicted means
     * @param std predicted standard deviations (&gt; 0)
     * @param levels the expected frequencies, each in (0, 1)
     * @return p̂ per level, aligned with {@code levels}
     * @throws IllegalArgumentException if the arguments are invalid or a level is not in (0, 1)
     */
    public static double[] observedFrequencies(double[] truth, double[] mean, double[] std, double[] levels) {
        requireGaussian(truth, mean, std);
        Inputs.requireNonNull("levels", levels);
        for (double p : levels) {
            requireLevel(p);
        }
        long[] below = new long[levels.length];
        for (int i = 0; i < truth.length; i++) {
            double u = cdf((truth[i] - mean[i]) / std[i]);
            for (int j = 0; j < levels.length; j++) {
                if (u <= levels[j]) {
                    below[j]++;
                }
            }
        }
        double[] out = new double[levels.length];
        for (int j = 0; j < levels.length; j++) {
            out[j] = (double) below[j] / truth.length;
        }
        return out;
    }

    /**
     * Kuleshov et al.'s calibration error Σ<sub>j</sub> (p<sub>j</sub> − p̂<sub>j</sub>)² over
     * {@link #levels()}.
     *
     * @param truth ground truth
     * @param mean predicted means
     * @param std predicted standard deviations (&gt; 0)
     * @return the error, 0 for perfect calibration
     * @throws IllegalArgumentException if the arguments are invalid
     */
    public static double calibrationError(double[] truth, double[] mean, double[] std) {
        return calibrationError(truth, mean, std, LEVELS);
    }

    /**
     * Kuleshov et al.'s calibration error Σ<sub>j</sub> (p<sub>j</sub> − p̂<sub>j</sub>)² over
     * the given levels.
     *
     * @param truth ground truth
     * @param mean predicted means
     * @param std predicted standard deviations (&gt; 0)
     * @param levels the levels p<sub>j</sub>, each in (0, 1)
     * @return the error, 0 for perfect calibration
     * @throws IllegalArgumentException if the arguments are invalid
     */
    public static double calibrationError(double[] truth, double[] mean, double[] std, double[] levels) {
        double[] observed = observedFrequencies(truth, mean, std, levels);
        double sum = 0;
        for (int j = 0; j < levels.length; j++) {
            double d = levels[j] - observed[j];
            sum += d * d;
        }
        return sum;
    }

    /**
     * Sharpness: the mean predicted standard deviation.
     *
     * @param std predicted standard deviations (&gt; 0), at least two
     * @return their mean
     * @throws IllegalArgumentException if the array is null, shorter than two, or holds a value
     *     that is not positive and finite
     */
    public static double sharpness(double[] std) {
        requireStd(std);
        CompensatedSum sum = new CompensatedSum();
        for (double s : std) {
            sum.add(s);
        }
        return sum.value() / std.length;
    }

    /**
     * The variance-scaling factor s that minimises the NLL of N(μ, (sσ)²): s = √mean[(y − μ)²/σ²].
     * Fit it on validation data, never on the data you report.
     *
     * @param truth ground truth
     * @param mean predicted means
     * @param std predicted standard deviations (&gt; 0)
     * @return s &ge; 0 (0 only if every prediction is exact)
     * @throws IllegalArgumentException if the arguments are invalid
     */
    public static double varianceScale(double[] truth, double[] mean, double[] std) {
        requireGaussian(truth, mean, std);
        CompensatedSum sum = new CompensatedSum();
        for (int i = 0; i < truth.length; i++) {
            double z = (truth[i] - mean[i]) / std[i];
            sum.add(z * z);
        }
        double s = Math.sqrt(sum.value() / truth.length);
        Inputs.requireNoOverflow(s);
        return s;
    }

    /**
     * The default probability levels of the calibration error and the reliability diagram.
     *
     * @return 0.05, 0.10, ..., 0.95 (a new array)
     */
    public static double[] levels() {
        return LEVELS.clone();
    }

    /** Φ, the standard normal distribution function. */
    static double cdf(double z) {
        return 0.5 * Erfc.value(-z / SQRT2);
    }

    /** Φ⁻¹((1 + level)/2): the half-width, in σ, of the central interval of probability {@code level}. */
    static double halfWidth(double level) {
        return SQRT2 * InverseErfc.value(1 - level);
    }

    private static double coverageWithin(double[] truth, double[] mean, double[] std, double k) {
        long inside = 0;
        for (int i = 0; i < truth.length; i++) {
            if (Math.abs(truth[i] - mean[i]) <= k * std[i]) {
                inside++;
            }
        }
        return (double) inside / truth.length;
    }

    private static void requireGaussian(double[] truth, double[] mean, double[] std) {
        Inputs.requirePaired(truth, mean);
        Inputs.requireNonNull("std", std);
        if (std.length != truth.length) {
            throw new IllegalArgumentException("truth and std differ in length: truth has " + truth.length
                    + " values, std has " + std.length);
        }
        requireStd(std);
    }

    private static void requireStd(double[] std) {
        Inputs.requireNonNull("std", std);
        Inputs.requireMinFrames(std.length);
        for (int i = 0; i < std.length; i++) {
            if (!(std[i] > 0) || !Double.isFinite(std[i])) {
                throw new IllegalArgumentException("std[" + i + "] is " + std[i]
                        + "; every standard deviation must be positive and finite");
            }
        }
    }

    private static void requireLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("a probability level must be in (0, 1), got " + level);
        }
    }

    private static double[] levels(int n) {
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            out[j] = (j + 1) / (double) (n + 1);
        }
        return out;
    }
}
