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
 * Stacked {@link BiGruLayer}s (layer i + 1 reads the 2H-vectors of layer i) and a linear head
 * from every frame's 2H-vector to dy outputs.
 */
public final class BiGruNetwork extends TemporalNetwork {
    private final int hidden;
    private final List<BiGruLayer> layers = new ArrayList<>();
    private final Linear head;

    /**
     * @param inputSize per-frame input size
     * @param labelSize dy
     * @param numLayers stacked bidirectional layers
     * @param hidden H per direction
     */
    public BiGruNetwork(int inputSize, int labelSize, int numLayers, int hidden) {
        super(inputSize, labelSize);
        if (numLayers < 1) {
            throw new IllegalArgumentException("a BiGRU needs at least one layer, got " + numLayers);
        }
        this.hidden = hidden;
        for (int i = 0; i < numLayers; i++) {
            layers.add(addChildBlock("layer" + i, new BiGruLayer(hidden)));
        }
        this.head = addChildBlock("head", Linear.builder().setUnits(labelSize).build());
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).initialize(manager, dataType, new Shape(s.get(0), s.get(1), i == 0 ? s.get(2) : 2L * hidden));
        }
        head.initialize(manager, dataType, new Shape(s.get(0), s.get(1), 2L * hidden));
    }

    @Override
    protected NDArray forwardWindow(ParameterStore store, NDArray x, boolean training) {
        NDArray a = x;
        for (BiGruLayer layer : layers) {
            a = layer.forward(store, new NDList(a), training).singletonOrThrow();
        }
        return head.forward(store, new NDList(a), training).singletonOrThrow();
    }

    @Override
    public long multiplyAdds(Shape input) {
        long macs = 0;
        for (int i = 0; i < layers.size(); i++) {
            macs += MacCounter.count(layers.get(i), new Shape(input.get(0), input.get(1), i == 0 ? input.get(2) : 2L * hidden));
        }
        return macs + MacCounter.count(head, new Shape(input.get(0), input.get(1), 2L * hidden));
    }
}
