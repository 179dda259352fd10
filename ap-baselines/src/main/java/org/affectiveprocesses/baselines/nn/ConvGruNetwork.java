package org.affectiveprocesses.baselines.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/**
 * A stack of {@link ConvGruLayer}s and a linear head applied to every frame's last state.
 *
 * <p>Over time, the layers read {@code [batch, channels, time]} and the head maps each frame's
 * H-vector to dy outputs. Over the feature axis, each frame's input vector of size C·P is read as
 * C channels × P positions (C = {@code featureChannels}, consecutive values form one channel), and
 * the head maps each frame's flattened state (H · P values) to dy outputs.
 */
public final class ConvGruNetwork extends TemporalNetwork {
    private final boolean overTime;
    private final int hidden;
    private final int channels;
    private final int positions;
    private final List<ConvGruLayer> layers = new ArrayList<>();
    private final Linear head;

    /**
     * @param inputSize per-frame input size
     * @param labelSize dy
     * @param numLayers stacked layers
     * @param hidden H
     * @param kernel odd kernel size k
     * @param overTime whether to convolve over time (else over the feature axis)
     * @param featureChannels C when convolving over the feature axis (must divide inputSize);
     *     ignored over time
     */
    public ConvGruNetwork(int inputSize, int labelSize, int numLayers, int hidden, int kernel,
            boolean overTime, int featureChannels) {
        super(inputSize, labelSize);
        if (numLayers < 1) {
            throw new IllegalArgumentException("a ConvGRU needs at least one layer, got " + numLayers);
        }
        if (!overTime && (featureChannels < 1 || inputSize % featureChannels != 0)) {
            throw new IllegalArgumentException("the feature axis of " + inputSize + " values cannot be read as "
                    + featureChannels + " channels; featureChannels must divide the input size");
        }
        this.overTime = overTime;
        this.hidden = hidden;
        this.channels = overTime ? inputSize : featureChannels;
        this.positions = overTime ? 1 : inputSize / featureChannels;
        for (int i = 0; i < numLayers; i++) {
            layers.add(addChildBlock("layer" + i,
                    overTime ? ConvGruLayer.overTime(hidden, kernel) : ConvGruLayer.overFeatures(hidden, kernel)));
        }
        this.head = addChildBlock("head", Linear.builder().setUnits(labelSize).build());
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).initialize(manager, dataType, layerInput(s, i == 0 ? channels : hidden));
        }
        head.initialize(manager, dataType, new Shape(s.get(0), s.get(1), (long) hidden * positions));
    }

    @Override
    protected NDArray forwardWindow(ParameterStore store, NDArray x, boolean training) {
        Shape s = x.getShape();
        NDArray a = overTime ? x.transpose(0, 2, 1) : x.reshape(s.get(0), s.get(1), channels, positions);
        for (ConvGruLayer layer : layers) {
            a = layer.forward(store, new NDList(a), training).singletonOrThrow();
        }
        NDArray states = overTime ? a.transpose(0, 2, 1) : a.reshape(s.get(0), s.get(1), (long) hidden * positions);
        return head.forward(store, new NDList(states), training).singletonOrThrow();
    }

    @Override
    public long multiplyAdds(Shape input) {
        long macs = 0;
        for (int i = 0; i < layers.size(); i++) {
            macs += MacCounter.count(layers.get(i), layerInput(input, i == 0 ? channels : hidden));
        }
        return macs + MacCounter.count(head, new Shape(input.get(0), input.get(1), (long) hidden * positions));
    }

    private Shape layerInput(Shape window, int layerChannels) {
        return overTime ? new Shape(window.get(0), layerChannels, window.get(1))
                : new Shape(window.get(0), window.get(1), layerChannels, positions);
    }
}
