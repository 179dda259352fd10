package org.affectiveprocesses.core.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.affectiveprocesses.io.TensorSpec;

/**
 * The values of every parameter tensor of an {@link ApModelSpec}, row-major float32, in the
 * spec's order. Immutable: inputs are copied and {@link #get(String)} returns a copy.
 */
public final class ApWeights {
    private final ApModelSpec spec;
    private final Map<String, float[]> values;

    private ApWeights(ApModelSpec spec, Map<String, float[]> values) {
        this.spec = spec;
        this.values = values;
    }

    /**
     * Wraps values for a spec.
     *
     * @throws IllegalArgumentException naming the tensor that is missing, extra, of the wrong size
     *     or not finite
     */
    public static ApWeights of(ApModelSpec spec, Map<String, float[]> tensors) {
        Objects.requireNonNull(spec, "spec");
        Map<String, float[]> copy = new LinkedHashMap<>();
        List<TensorSpec> specs = spec.parameters();
        for (TensorSpec t : specs) {
            float[] v = tensors.get(t.name());
            if (v == null) {
                throw new IllegalArgumentException("weights lack tensor " + t);
            }
            if (v.length != t.size()) {
                throw new IllegalArgumentException("tensor " + t.name() + " has " + v.length
                        + " values, its shape " + Arrays.toString(t.shape()) + " needs " + t.size());
            }
            for (int i = 0; i < v.length; i++) {
                if (!Float.isFinite(v[i])) {
                    throw new IllegalArgumentException("tensor " + t.name() + " value " + i + " is " + v[i]);
                }
            }
            copy.put(t.name(), v.clone());
        }
        for (String name : tensors.keySet()) {
            if (!copy.containsKey(name)) {
                throw new IllegalArgumentException("tensor " + name + " is not part of " + spec.architecture().displayName());
            }
        }
        return new ApWeights(spec, Collections.unmodifiableMap(copy));
    }

    /** The spec these weights belong to. */
    public ApModelSpec spec() {
        return spec;
    }

    /** A copy of one tensor's values. */
    public float[] get(String name) {
        float[] v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no tensor " + name + " in " + spec.architecture().displayName());
        }
        return v.clone();
    }

    /** The tensor names in file order. */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    /** All tensors (copies), in file order. */
    public Map<String, float[]> toMap() {
        Map<String, float[]> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    /** All parameters in one vector, tensor after tensor as {@link ApModelSpec#parameterOffsets()} lays them out. */
    public float[] flatten() {
        int[] offsets = spec.parameterOffsets();
        float[] flat = new float[offsets[offsets.length - 1]];
        List<TensorSpec> tensors = spec.parameters();
        for (int i = 0; i < tensors.size(); i++) {
            float[] v = values.get(tensors.get(i).name());
            System.arraycopy(v, 0, flat, offsets[i], v.length);
        }
        return flat;
    }

    /**
     * Weights from one vector laid out as {@link #flatten()} writes it.
     *
     * @throws IllegalArgumentException if the vector's length is not the spec's parameter count
     */
    public static ApWeights fromFlat(ApModelSpec spec, float[] flat) {
        int[] offsets = spec.parameterOffsets();
        if (flat.length != offsets[offsets.length - 1]) {
            throw new IllegalArgumentException("a flat parameter vector of " + spec.architecture().displayName()
                    + " has " + offsets[offsets.length - 1] + " values, got " + flat.length);
        }
        List<TensorSpec> tensors = spec.parameters();
        Map<String, float[]> values = new LinkedHashMap<>();
        for (int i = 0; i < tensors.size(); i++) {
            values.put(tensors.get(i).name(), Arrays.copyOfRange(flat, offsets[i], offsets[i + 1]));
        }
        return of(spec, values);
    }

    /** The largest absolute difference to other weights of the same spec. */
    public double maxAbsDifference(ApWeights other) {
        if (!spec.equals(other.spec)) {
            throw new IllegalArgumentException("weights of different models cannot be compared");
        }
        double max = 0;
        for (Map.Entry<String, float[]> e : values.entrySet()) {
            float[] a = e.getValue();
            float[] b = other.values.get(e.getKey());
            for (int i = 0; i < a.length; i++) {
                max = Math.max(max, Math.abs(a[i] - b[i]));
            }
        }
        return max;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ApWeights w) || !spec.equals(w.spec)) {
            return false;
        }
        for (Map.Entry<String, float[]> e : values.entrySet()) {
            if (!Arrays.equals(e.getValue(), w.values.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = spec.hashCode();
        for (float[] v : values.values()) {
            h = 31 * h + Arrays.hashCode(v);
        }
        return h;
    }
}
