package org.affectiveprocesses.baselines;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.Provenance;
import org.affectiveprocesses.baselines.nn.ParameterInit;
import org.affectiveprocesses.baselines.nn.ParameterNames;
import org.affectiveprocesses.baselines.nn.TemporalNetwork;
import org.affectiveprocesses.core.model.InputStandardization;

/** Untrained models with seeded weights, for tests of prediction and files. */
final class RandomModels {
    static final Provenance PROVENANCE = new Provenance("test", "djl", "2021-06-19T12:00:00Z",
            BaselineTrainingConfig.convGru().withSeed(9).toConfiguration(), "train", "validation",
            new LinkedHashMap<>(Map.of("CCC mean", 0.5, "MSE mean", Double.NaN)), 3);

    private RandomModels() {
    }

    static BaselineModelFile.Contents contents(BaselineSpec spec, long seed, int hop) {
        Map<String, float[]> values = new LinkedHashMap<>();
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            TemporalNetwork net = NetworkFactory.build(spec);
            net.initialize(m);
            ParameterInit.initialize(net, seed);
            ParameterNames.of(net).forEach((name, p) -> values.put(name, p.getArray().toFloatArray()));
        }
        float[] mean = new float[spec.inputSize()];
        float[] scale = new float[spec.inputSize()];
        Arrays.fill(mean, 0.5f);
        Arrays.fill(scale, 2f);
        float[] std = new float[spec.labelSize()];
        for (int d = 0; d < std.length; d++) {
            std[d] = 0.3f + 0.1f * d;
        }
        return new BaselineModelFile.Contents(spec, BaselineWeights.of(spec.tensors(), values),
                InputStandardization.of(mean, scale, 100), std, hop, 4, PROVENANCE);
    }

    static BaselineModel open(BaselineSpec spec, long seed, int hop) {
        return BaselineModel.open(contents(spec, seed, hop), Engine.auto().onDevice("cpu"));
    }
}
