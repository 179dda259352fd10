package org.affectiveprocesses.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Values put into arrays whose storage PyTorch allocates and owns. On DJL's PyTorch engine,
 * {@code NDManager.create(float[])} and {@code NDArray.set(float[])} make a tensor over a Java
 * direct buffer that only the Java object keeps alive; arrays updated in place for a whole
 * training (parameters, optimiser moments) and viewed by every step's graph must not depend on
 * that, so their values are copied natively with an indexed assignment.
 */
public final class OwnedArrays {
    private OwnedArrays() {
    }

    /** Copies the values into the array's own storage (as many values as it has). */
    public static void copyInto(NDArray target, float[] values) {
        try (NDManager scratch = target.getManager().newSubManager()) {
            target.set(new NDIndex(":"), scratch.create(values, target.getShape()));
        }
    }

    /** A new one-dimensional array of the manager's holding the values in storage PyTorch owns. */
    public static NDArray of(NDManager manager, float[] values) {
        NDArray owned = manager.zeros(new Shape(values.length));
        copyInto(owned, values);
        return owned;
    }
}
