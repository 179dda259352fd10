package org.affectiveprocesses.baselines;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.affectiveprocesses.api.Complexity;
import org.affectiveprocesses.baselines.nn.BiGruNetwork;
import org.affectiveprocesses.baselines.nn.ConvGruNetwork;
import org.affectiveprocesses.baselines.nn.MacCounter;
import org.affectiveprocesses.baselines.nn.ParameterNames;
import org.affectiveprocesses.baselines.nn.SelfAttentionNetwork;
import org.affectiveprocesses.baselines.nn.TemporalNetwork;
import org.affectiveprocesses.io.TensorSpec;

/** Builds the DJL network of a {@link BaselineSpec}. */
final class NetworkFactory {
    private NetworkFactory() {
    }

    /** A new, uninitialised network. */
    static TemporalNetwork build(BaselineSpec spec) {
        int in = spec.inputSize();
        int dy = spec.labelSize();
        BaselineArchitecture a = spec.architecture();
        if (a instanceof ConvGruConfig c) {
            return new ConvGruNetwork(in, dy, c.layers(), c.hiddenSize(), c.kernelSize(), c.axis() == ConvAxis.TIME,
                    c.featureChannels());
        }
        if (a instanceof BiGruConfig b) {
            return new BiGruNetwork(in, dy, b.layers(), b.hiddenSize());
        }
        SelfAttentionConfig s = (SelfAttentionConfig) a;
        return new SelfAttentionNetwork(in, dy, s.layers(), s.modelWidth(), s.heads(), s.feedForwardSize(),
                s.positionalEncoding());
    }

    /** The parameter tensors by readable name. */
    static List<TensorSpec> tensors(TemporalNetwork network) {
        List<TensorSpec> out = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : ParameterNames.of(network).entrySet()) {
            long[] dims = e.getValue().getArray().getShape().getShape();
            out.add(new TensorSpec(e.getKey(), Arrays.stream(dims).mapToInt(Math::toIntExact).toArray()));
        }
        return out;
    }

    static List<TensorSpec> tensors(BaselineSpec spec) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            TemporalNetwork network = build(spec);
            network.initialize(manager);
            return tensors(network);
        }
    }

    static Complexity complexity(TemporalNetwork network, int windowLength) {
        BaselineArchitecture.checkWindowLength(windowLength);
        return new Complexity(MacCounter.parameters(network),
                MacCounter.count(network, new Shape(1, windowLength, network.inputSize())), windowLength);
    }

    static Complexity complexity(BaselineSpec spec, int windowLength) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            TemporalNetwork network = build(spec);
            network.initialize(manager);
            return complexity(network, windowLength);
        }
    }
}
