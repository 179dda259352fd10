package org.affectiveprocesses.backbone.expression;

/**
 * The seven classes of the face-expression model, in its output order, with each class's place
 * on Russell's circumplex of affect.
 *
 * <p>The angle θ (degrees, counter-clockwise from pleasure; 90° is high arousal) is the position
 * that Russell (1980, "A circumplex model of affect", J. Personality and Social Psychology 39(6),
 * 1161-1178) found for the nearest of his 28 affect words by direct circular scaling: happy →
 * "happy" 7.8°, surprised → "astonished" 69.8°, angry → "angry" 99.0°, fearful → "afraid"
 * 116.0°, sad → "sad" 207.5°. Disgust is not among Russell's words; it is placed at "distressed"
 * (138.0°), the word of the high-arousal unpleasant quadrant nearest to where disgust is usually
 * drawn. Neutral is the circumplex's centre. Each non-neutral class sits on the unit circle:
 * valence = cos θ, arousal = sin θ.
 */
public enum Emotion {
    /** No expression: the centre of the circumplex. */
    NEUTRAL("neutral", Double.NaN),
    /** Russell's "happy". */
    HAPPY("happy", 7.8),
    /** Russell's "sad". */
    SAD("sad", 207.5),
    /** Russell's "angry". */
    ANGRY("angry", 99.0),
    /** Russell's "afraid". */
    FEARFUL("fearful", 116.0),
    /** Placed at Russell's "distressed" (disgust is not among his words). */
    DISGUSTED("disgusted", 138.0),
    /** Russell's "astonished". */
    SURPRISED("surprised", 69.8);

    private final String label;
    private final double valence;
    private final double arousal;

    Emotion(String label, double degrees) {
        this.label = label;
        boolean centre = Double.isNaN(degrees);
        this.valence = centre ? 0.0 : Math.cos(Math.toRadians(degrees));
        this.arousal = centre ? 0.0 : Math.sin(Math.toRadians(degrees));
    }

    /** The model's label, e.g. {@code "happy"}. */
    public String label() {
        return label;
    }

    /** Valence of the class's circumplex position, in [-1, 1]. */
    public double valence() {
        return valence;
    }

    /** Arousal of the class's circumplex position, in [-1, 1]. */
    public double arousal() {
        return arousal;
    }

    /**
     * The expected valence and arousal under a class distribution: Σ p<sub>k</sub> · (valence<sub>k</sub>,
     * arousal<sub>k</sub>).
     *
     * @param probabilities the 7 class probabilities in model order
     * @return {valence, arousal}, each in [-1, 1] when the probabilities sum to 1
     * @throws IllegalArgumentException if there are not 7 values
     */
    public static float[] valenceArousal(float[] probabilities) {
        Emotion[] all = values();
        if (probabilities.length != all.length) {
            throw new IllegalArgumentException("expected " + all.length + " class probabilities, got "
                    + probabilities.length);
        }
        double v = 0;
        double a = 0;
        for (int k = 0; k < all.length; k++) {
            v += probabilities[k] * all[k].valence;
            a += probabilities[k] * all[k].arousal;
        }
        return new float[] {(float) v, (float) a};
    }
}
