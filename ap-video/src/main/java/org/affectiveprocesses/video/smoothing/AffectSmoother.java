package org.affectiveprocesses.video.smoothing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Smooths the backbone's per-frame estimates of each face with a {@link OneEuroFilter} per face
 * and dimension, over the face's own frames (a face's filters are dropped when its track ends).
 * Frames must be given in order. Not thread-safe: one per video.
 */
public final class AffectSmoother {
    private final OneEuroFilter.Parameters parameters;
    private final Map<Integer, OneEuroFilter[]> filters = new HashMap<>();

    /** A smoother. */
    public AffectSmoother(OneEuroFilter.Parameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    /**
     * Smooths one face's estimate.
     *
     * @param faceId the face's id
     * @param seconds the frame's time
     * @param values the estimate, one value per dimension
     * @return the smoothed estimate
     */
    public float[] smooth(int faceId, double seconds, float[] values) {
        OneEuroFilter[] f = filters.computeIfAbsent(faceId, id -> {
            OneEuroFilter[] fs = new OneEuroFilter[values.length];
            for (int d = 0; d < fs.length; d++) {
                fs[d] = new OneEuroFilter(parameters);
            }
            return fs;
        });
        if (f.length != values.length) {
            throw new IllegalArgumentException("face " + faceId + " had " + f.length + " dimensions, now "
                    + values.length);
        }
        float[] out = new float[values.length];
        for (int d = 0; d < values.length; d++) {
            out[d] = (float) f[d].filter(seconds, values[d]);
        }
        return out;
    }

    /** Drops the filters of faces whose tracks ended. */
    public void end(List<Integer> faceIds) {
        faceIds.forEach(filters::remove);
    }
}
