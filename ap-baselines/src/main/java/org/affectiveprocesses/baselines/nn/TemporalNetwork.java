package org.affectiveprocesses.baselines.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.affectiveprocesses.djl.CountsMultiplyAdds;

/**
 * A temporal network: reads a window of per-frame inputs {@code [batch, time, inputSize]} and
 * returns per-frame predictions {@code [batch, time, labelSize]}, for any window length. Subclasses
 * implement {@link #forwardWindow}; this class checks the input and initialises the children
 * for a window of {@link #INIT_LENGTH} frames (parameter shapes do not depend on the length).
 */
public abstract class TemporalNetwork extends AbstractBlock implements CountsMultiplyAdds {
    /** The window length used to initialise the children (any length works afterwards). */
    protected static final int INIT_LENGTH = 3;

    private final int inputSize;
    private final int labelSize;

    /**
     * @param inputSize the per-frame input size (features, plus pseudo-labels when read)
     * @param labelSize dy, the predicted dimensions
     */
    protected TemporalNetwork(int inputSize, int labelSize) {
        if (inputSize < 1 || labelSize < 1) {
            throw new IllegalArgumentException("input and label sizes must be >= 1, got " + inputSize
                    + " and " + labelSize);
        }
        this.inputSize = inputSize;
        this.labelSize = labelSize;
    }

    /** The per-frame input size the network reads. */
    public int inputSize() {
        return inputSize;
    }

    /** The number of predicted dimensions. */
    public int labelSize() {
        return labelSize;
    }

    /**
     * Initialises all parameters for inputs of {@link #inputSize()} values per frame.
     *
     * @param manager where the parameters live
     */
    public void initialize(NDManager manager) {
        initialize(manager, DataType.FLOAT32, new Shape(1, INIT_LENGTH, inputSize));
    }

    /**
     * Runs the network on a window batch.
     *
     * @param store the parameter store
     * @param x {@code [batch, time, inputSize]}
     * @param training whether gradients will be taken
     * @return {@code [batch, time, labelSize]}
     * @throws IllegalArgumentException if {@code x} has another rank or input size
     */
    public NDArray predict(ParameterStore store, NDArray x, boolean training) {
        return forward(store, new NDList(x), training).singletonOrThrow();
    }

    @Override
    protected final NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = x.getShape();
        if (s.dimension() != 3 || s.get(2) != inputSize || s.get(1) < 1) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " reads windows [batch, time, "
                    + inputSize + "], got " + s);
        }
        return new NDList(forwardWindow(store, x, training));
    }

    /**
     * The network's computation on a checked input.
     *
     * @param store the parameter store
     * @param x {@code [batch, time, inputSize]}
     * @param training whether gradients will be taken
     * @return {@code [batch, time, labelSize]}
     */
    protected abstract NDArray forwardWindow(ParameterStore store, NDArray x, boolean training);

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), s.get(1), labelSize)};
    }
}
