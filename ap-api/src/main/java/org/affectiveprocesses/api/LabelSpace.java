package org.affectiveprocesses.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.affectiveprocesses.metrics.Metric;

/**
 * What a model predicts: a named, ordered set of continuous dimensions and the mapping between
 * their raw annotation range and the normalised range [-1, 1] in which every model of the SDK
 * works.
 *
 * <p>Valence/arousal already live in [-1, 1]. Action Unit intensities are annotated on the FACS
 * 0-5 scale and normalised linearly to [-1, 1] as in the paper (Appendix A.2): {@code n = 2 (r -
 * min) / (max - min) - 1}.
 *
 * <p>Instances are immutable; two label spaces are equal when their names, dimensions and ranges
 * are.
 */
public final class LabelSpace {
    /** The 5 Action Units of BP4D / FERA 2015. */
    public static final List<Integer> BP4D_ACTION_UNITS = List.of(6, 10, 12, 14, 17);
    /** The 12 Action Units of DISFA. */
    public static final List<Integer> DISFA_ACTION_UNITS =
            List.of(1, 2, 4, 5, 6, 9, 12, 15, 17, 20, 25, 26);

    /**
     * The most dimensions a label space has: far above any corpus (DISFA has 12 Action Units,
     * FACS about 30), and small enough that a model's label layers stay small.
     */
    public static final int MAX_DIMENSIONS = 1024;

    private static final LabelSpace VALENCE_AROUSAL =
            new LabelSpace("valence-arousal", LabelKind.VALENCE_AROUSAL,
                    List.of("valence", "arousal"), -1.0, 1.0);

    private final String name;
    private final LabelKind kind;
    private final List<String> dimensions;
    private final double rawMin;
    private final double rawMax;

    private LabelSpace(String name, LabelKind kind, List<String> dimensions, double rawMin,
            double rawMax) {
        this.name = requireText(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        if (dimensions == null || dimensions.isEmpty()) {
            throw new IllegalArgumentException("label space '" + name + "' needs at least one dimension");
        }
        if (dimensions.size() > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("label space '" + name + "' has " + dimensions.size()
                    + " dimensions; at most " + MAX_DIMENSIONS + " are supported");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < dimensions.size(); i++) {
            requireText(dimensions.get(i), "dimension " + i);
            if (!seen.add(dimensions.get(i))) {
                throw new IllegalArgumentException("label space '" + name
                        + "' repeats dimension '" + dimensions.get(i) + "'");
            }
        }
        if (!(rawMin < rawMax) || !Double.isFinite(rawMin) || !Double.isFinite(rawMax)) {
            throw new IllegalArgumentException("label space '" + name
                    + "' needs a finite raw range with min < max, got [" + rawMin + ", " + rawMax + "]");
        }
        this.dimensions = List.copyOf(dimensions);
        this.rawMin = rawMin;
        this.rawMax = rawMax;
    }

    /** Valence and arousal, two dimensions already in [-1, 1]. */
    public static LabelSpace valenceArousal() {
        return VALENCE_AROUSAL;
    }

    /** The 5 BP4D / FERA 2015 Action Units (6, 10, 12, 14, 17), raw intensities 0-5. */
    public static LabelSpace bp4d() {
        return actionUnits("bp4d-au", BP4D_ACTION_UNITS);
    }

    /** The 12 DISFA Action Units (1, 2, 4, 5, 6, 9, 12, 15, 17, 20, 25, 26), raw intensities 0-5. */
    public static LabelSpace disfa() {
        return actionUnits("disfa-au", DISFA_ACTION_UNITS);
    }

    /**
     * A custom set of Action Units with raw intensities 0-5.
     *
     * @param name a name for the set, e.g. {@code "my-aus"}
     * @param actionUnits the FACS numbers, in output order; dimensions are named {@code AU<n>}
     */
    public static LabelSpace actionUnits(String name, List<Integer> actionUnits) {
        List<String> dims = new ArrayList<>();
        for (Integer au : Objects.requireNonNull(actionUnits, "actionUnits")) {
            if (au == null || au <= 0) {
                throw new IllegalArgumentException("Action Unit numbers must be positive, got " + au);
            }
            dims.add("AU" + au);
        }
        return new LabelSpace(name, LabelKind.ACTION_UNITS, dims, 0.0, 5.0);
    }

    /**
     * Any other continuous label set.
     *
     * @param name the label space's name
     * @param dimensions the dimension names in output order
     * @param rawMin the lowest raw value, mapped to -1
     * @param rawMax the highest raw value, mapped to +1
     */
    public static LabelSpace custom(String name, List<String> dimensions, double rawMin, double rawMax) {
        return new LabelSpace(name, LabelKind.CUSTOM, dimensions, rawMin, rawMax);
    }

    /**
     * Rebuilds a label space from its stored description (used by model and feature files).
     *
     * @throws IllegalArgumentException if the description is inconsistent
     */
    public static LabelSpace of(String name, LabelKind kind, List<String> dimensions, double rawMin,
            double rawMax) {
        if (kind == LabelKind.VALENCE_AROUSAL && VALENCE_AROUSAL.dimensions.equals(dimensions)
                && rawMin == -1.0 && rawMax == 1.0 && VALENCE_AROUSAL.name.equals(name)) {
            return VALENCE_AROUSAL;
        }
        return new LabelSpace(name, kind, dimensions, rawMin, rawMax);
    }

    /** The label space's name, e.g. {@code "valence-arousal"} or {@code "disfa-au"}. */
    public String name() {
        return name;
    }

    /** The family of labels, which decides the headline metric. */
    public LabelKind kind() {
        return kind;
    }

    /** The number of predicted dimensions (dy in the paper). */
    public int size() {
        return dimensions.size();
    }

    /** The dimension names in output order (immutable). */
    public List<String> dimensions() {
        return dimensions;
    }

    /** The name of dimension {@code d}. */
    public String dimension(int d) {
        return dimensions.get(d);
    }

    /**
     * The index of a named dimension.
     *
     * @throws IllegalArgumentException if the name is not one of this space's dimensions
     */
    public int indexOf(String dimension) {
        int i = dimensions.indexOf(dimension);
        if (i < 0) {
            throw new IllegalArgumentException("label space '" + name + "' has no dimension '"
                    + dimension + "'; it has " + dimensions);
        }
        return i;
    }

    /** The lowest raw annotation value (maps to -1). */
    public double rawMin() {
        return rawMin;
    }

    /** The highest raw annotation value (maps to +1). */
    public double rawMax() {
        return rawMax;
    }

    /** Maps a raw annotation value to the normalised range [-1, 1] (linearly; not clipped). */
    public double normalize(double raw) {
        return 2.0 * (raw - rawMin) / (rawMax - rawMin) - 1.0;
    }

    /** Maps a normalised value back to the raw annotation range (inverse of {@link #normalize}). */
    public double denormalize(double normalized) {
        return (normalized + 1.0) * 0.5 * (rawMax - rawMin) + rawMin;
    }

    /** The paper's headline metric for this label space: ICC(3,1) for Action Units, else CCC. */
    public Metric headlineMetric() {
        return kind == LabelKind.ACTION_UNITS ? Metric.ICC_3_1 : Metric.CCC;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelSpace other && name.equals(other.name) && kind == other.kind
                && dimensions.equals(other.dimensions) && rawMin == other.rawMin
                && rawMax == other.rawMax;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, dimensions, rawMin, rawMax);
    }

    @Override
    public String toString() {
        return name + dimensions + " raw [" + rawMin + ", " + rawMax + "]";
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must be a non-empty text");
        }
        return value;
    }
}
