package org.affectiveprocesses.metrics;

/**
 * Neumaier (improved Kahan) summation: the rounding error of every addition is carried in a
 * separate compensation term, so the error of the total does not grow with the number of terms.
 *
 * <p>Hot loops use it <em>blocked</em>: they add terms plainly into local variables over at most
 * {@link #BLOCK} consecutive elements and pass each block total to {@link #add}. The error is
 * then bounded by about {@code BLOCK} units in the last place of the magnitudes summed, for any
 * length, at the speed of plain summation.
 */
final class CompensatedSum {

    /** The longest run of plain additions before a compensated one. */
    static final int BLOCK = 64;

    private double sum;
    private double compensation;

    /** Adds one term (or one block total). */
    void add(double term) {
        double next = sum + term;
        if (Math.abs(sum) >= Math.abs(term)) {
            compensation += (sum - next) + term;
        } else {
            compensation += (term - next) + sum;
        }
        sum = next;
    }

    /** The compensated total of the terms added so far. */
    double value() {
        return sum + compensation;
    }

    /** Whether every value equals the first (exact comparison); {@code true} for empty input. */
    static boolean isConstant(double[] values) {
        for (int i = 1; i < values.length; i++) {
            if (values[i] != values[0]) {
                return false;
            }
        }
        return true;
    }

    /** The blocked compensated sum of {@code values - centre}. */
    static double centredSum(double[] values, double centre) {
        CompensatedSum total = new CompensatedSum();
        for (int start = 0; start < values.length; start += BLOCK) {
            int end = Math.min(values.length, start + BLOCK);
            double block = 0.0;
            for (int i = start; i < end; i++) {
                block += values[i] - centre;
            }
            total.add(block);
        }
        return total.value();
    }

    /**
     * The arithmetic mean by blocked compensated summation. A constant array returns its value
     * exactly (a rounded {@code sum / n} need not), so centred values of a constant series are
     * exactly zero. {@code values} must not be empty.
     */
    static double mean(double[] values) {
        if (isConstant(values)) {
            return values[0];
        }
        return centredSum(values, 0.0) / values.length;
    }
}
