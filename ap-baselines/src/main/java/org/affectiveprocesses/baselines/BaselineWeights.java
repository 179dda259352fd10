package org.affectiveprocesses.baselines;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.affectiveprocesses.io.TensorSpec;

/**
 * The parameter values of a baseline network, by tensor name, in the order of its {@link
 * BaselineSpec#tensors()}; immutable (values are copied in and out).
 */
public final class BaselineWeights {
    private final List<TensorSpec> tensors;
    private final Map<String, float[]> values;

    private BaselineWeights(List<TensorSpec> tensors, Map<String, float[]> values) {
        this.tensors = tensors;
        this.values = values;
    }

    /**
     * Weights for the given tensors.
     *
     * @param tensors the tensors, in order
     * @param values a value array for every tensor (other names are refused)
     * @throws IllegalArgumentException naming a missing, unknown, mis-sized or non-finite tensor
     */
    public static BaselineWeights of(List<TensorSpec> tensors, Map<String, float[]> values) {
        Map<String, float[]> copy = new LinkedHashMap<>();
        for (TensorSpec t : tensors) {
            float[] v = values.get(t.name());
            if (v == null) {
                throw new IllegalArgumentException("no values for tensor " + t);
            }
            if (v.length != t.size()) {
                throw new IllegalArgumentException("tensor " + t + " needs " + t.size() + " values, got " + v.length);
            }
            for (int i = 0; i < v.length; i++) {
                if (!Float.isFinite(v[i])) {
                    throw new IllegalArgumentException("tensor " + t.name() + " holds " + v[i] + " at flat index " + i);
                }
            }
            copy.put(t.name(), v.clone());
        }
        for (String name : values.keySet()) {
            if (!copy.containsKey(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a tensor of this network");
            }
        }
        return new BaselineWeights(List.copyOf(tensors), Collections.unmodifiableMap(copy));
    }

    /** The tensors, in order. */
    public List<TensorSpec> tensors() {
        return tensors;
    }

    /**
     * A copy of a tensor's values (C order).
     *
     * @throws IllegalArgumentException if there is no such tensor
     */
    public float[] get(String name) {
        float[] v = values.get(Objects.requireNonNull(name, "name"));
        if (v == null) {
            throw new IllegalArgumentException("no tensor '" + name + "'; the tensors are " + values.keySet());
        }
        return v.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof BaselineWeights w) || !tensors.equals(w.tensors)) {
            return false;
        }
        for (TensorSpec t : tensors) {
            if (!Arrays.equals(values.get(t.name()), w.values.get(t.name()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = tensors.hashCode();
        for (float[] v : values.values()) {
            h = 31 * h + Arrays.hashCode(v);
        }
        return h;
    }

    @Override
    public String toString() {
        return "BaselineWeights[" + tensors.size() + " tensors]";
    }
}
