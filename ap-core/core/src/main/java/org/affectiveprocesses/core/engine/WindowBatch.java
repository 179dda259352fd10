package org.affectiveprocesses.core.engine;

/**
 * B windows of equal length L, packed row-major for one engine call.
 *
 * @param batch B
 * @param length L
 * @param features [B][L][dx]
 * @param encoderLabels [B][L][dy] labels the encoder reads (pseudo-labels at test time)
 */
public record WindowBatch(int batch, int length, float[] features, float[] encoderLabels) {
    /** @throws IllegalArgumentException if the arrays do not fit B and L */
    public WindowBatch {
        if (batch < 1 || length < 1) {
            throw new IllegalArgumentException("empty window batch " + batch + "x" + length);
        }
        if (features.length % (batch * length) != 0 || encoderLabels.length % (batch * length) != 0) {
            throw new IllegalArgumentException("window batch arrays do not fit " + batch + " windows of "
                    + length + " frames");
        }
    }

    /** dx. */
    public int featureSize() {
        return features.length / (batch * length);
    }

    /** dy. */
    public int labelSize() {
        return encoderLabels.length / (batch * length);
    }
}
