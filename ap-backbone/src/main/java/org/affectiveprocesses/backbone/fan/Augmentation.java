package org.affectiveprocesses.backbone.fan;

/**
 * Training-time image augmentation (Appendix A.2): random crop, horizontal flip, rotation,
 * colour jitter and random grey. The paper gives the operations and the crop (224 of 256) and
 * rotation (±20°); it does not give the jitter strengths or the grey probability, for which the
 * common torchvision-style values below are used.
 *
 * @param cropFraction side of the random square crop relative to the input (224 / 256 = 0.875);
 *     the crop is resized back to the input size; 1 disables cropping
 * @param flip whether to flip horizontally with probability 0.5
 * @param maxRotationDegrees rotation drawn uniformly from ±this, about the image centre
 * @param brightness brightness factor drawn from [1 − b, 1 + b]
 * @param contrast contrast factor drawn from [1 − c, 1 + c] (about the image's mean grey)
 * @param saturation saturation factor drawn from [1 − s, 1 + s] (about each pixel's grey)
 * @param greyProbability probability of turning the image grey
 */
public record Augmentation(double cropFraction, boolean flip, double maxRotationDegrees, double brightness,
        double contrast, double saturation, double greyProbability) {
    /** Validates. */
    public Augmentation {
        if (!(cropFraction > 0 && cropFraction <= 1)) {
            throw new IllegalArgumentException("crop fraction must be in (0, 1], got " + cropFraction);
        }
        if (!(maxRotationDegrees >= 0 && maxRotationDegrees <= 180)) {
            throw new IllegalArgumentException("rotation must be in [0, 180] degrees, got " + maxRotationDegrees);
        }
        for (double j : new double[] {brightness, contrast, saturation}) {
            if (!(j >= 0 && j < 1)) {
                throw new IllegalArgumentException("jitter strengths must be in [0, 1), got " + j);
            }
        }
        if (!(greyProbability >= 0 && greyProbability <= 1)) {
            throw new IllegalArgumentException("grey probability must be in [0, 1], got " + greyProbability);
        }
    }

    /** The paper's augmentation: crop 224/256, flip, ±20°, jitter 0.2 each, grey with probability 0.1. */
    public static Augmentation paper() {
        return new Augmentation(224.0 / 256.0, true, 20, 0.2, 0.2, 0.2, 0.1);
    }

    /** No augmentation. */
    public static Augmentation none() {
        return new Augmentation(1, false, 0, 0, 0, 0, 0);
    }

    /** Whether this augmentation changes nothing. */
    public boolean isIdentity() {
        return cropFraction == 1 && !flip && maxRotationDegrees == 0 && brightness == 0 && contrast == 0
                && saturation == 0 && greyProbability == 0;
    }
}
