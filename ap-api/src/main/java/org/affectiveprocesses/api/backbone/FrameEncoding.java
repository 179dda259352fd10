package org.affectiveprocesses.api.backbone;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a backbone says about one face: the features x<sub>t</sub>, the pseudo-labels
 * ŷ<sub>t</sub> (normalised to [-1, 1]) and any further named outputs (e.g. {@code
 * "emotion"} class probabilities).
 *
 * @param features x<sub>t</sub>
 * @param pseudoLabels ŷ<sub>t</sub>
 * @param outputs further outputs by name (copied, unmodifiable)
 */
public record FrameEncoding(float[] features, float[] pseudoLabels, Map<String, float[]> outputs) {
    /** @throws IllegalArgumentException if a value is not finite */
    public FrameEncoding {
        features = features.clone();
        pseudoLabels = pseudoLabels.clone();
        check(features, "features");
        check(pseudoLabels, "pseudo-labels");
        Map<String, float[]> copy = new LinkedHashMap<>();
        outputs.forEach((k, v) -> copy.put(k, v.clone()));
        outputs = java.util.Collections.unmodifiableMap(copy);
    }

    /** An encoding without further outputs. */
    public static FrameEncoding of(float[] features, float[] pseudoLabels) {
        return new FrameEncoding(features, pseudoLabels, Map.of());
    }

    /** A copy of the features. */
    @Override
    public float[] features() {
        return features.clone();
    }

    /** A copy of the pseudo-labels. */
    @Override
    public float[] pseudoLabels() {
        return pseudoLabels.clone();
    }

    private static void check(float[] values, String what) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException("backbone " + what + " value " + i + " is " + values[i]);
            }
        }
    }
}
