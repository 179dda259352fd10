package org.affectiveprocesses.core.conformance;

import java.util.ArrayList;
import java.util.List;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.core.engine.ApBackend;
import org.affectiveprocesses.core.engine.ContextPicker;
import org.affectiveprocesses.core.engine.InferenceKernel;
import org.affectiveprocesses.core.engine.TrainingKernel;
import org.affectiveprocesses.core.engine.WindowBatch;
import org.affectiveprocesses.core.engine.WindowOutput;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.ApReference;
import org.affectiveprocesses.core.model.ApWeights;

/**
 * {@link ApReference} as an inference engine, so the engine-neutral code (windowing, selection,
 * merging, calibration, streams) can be tested in this module without a native engine. Double
 * precision, slow, and inference only: {@link #openTraining} is refused.
 */
public final class ReferenceBackend implements ApBackend {

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public InferenceKernel openInference(ApWeights weights, Engine engine) {
        ApReference ref = new ApReference(weights);
        ApModelSpec spec = weights.spec();
        return new InferenceKernel() {
            @Override
            public WindowOutput run(WindowBatch batch, ContextPicker picker, int numSamples, float[] noise) {
                int b = batch.batch();
                int l = batch.length();
                int dy = spec.labelSize();
                int z = spec.architecture().latentSize();
                float[] features = batch.features();
                float[] labels = batch.encoderLabels();
                List<double[][]> x = new ArrayList<>();
                List<double[][]> y = new ArrayList<>();
                boolean stochastic = spec.architecture().variant().isStochastic();
                float[] sigma = stochastic ? new float[b * l] : null;
                for (int i = 0; i < b; i++) {
                    x.add(ConformanceFixtures.rows(features, i * l, l, batch.featureSize()));
                    y.add(ConformanceFixtures.rows(labels, i * l, l, dy));
                    if (stochastic) {
                        double[] norms = ref.predict(x.get(i), y.get(i), new int[] {0}, new double[0][]).frameSigmaNorms();
                        for (int t = 0; t < l; t++) {
                            sigma[i * l + t] = (float) norms[t];
                        }
                    }
                }
                float[] weightsOut = picker.contextWeights(sigma);
                float[] mean = new float[b * l * dy];
                float[] std = new float[b * l * dy];
                float[] samples = new float[numSamples * b * l * dy];
                for (int i = 0; i < b; i++) {
                    List<Integer> context = new ArrayList<>();
                    for (int t = 0; t < l; t++) {
                        if (weightsOut[i * l + t] > 0) {
                            context.add(t);
                        }
                    }
                    double[][] eps = new double[numSamples][z];
                    for (int s = 0; s < numSamples; s++) {
                        for (int k = 0; k < z; k++) {
                            eps[s][k] = noise[(s * b + i) * z + k];
                        }
                    }
                    ApReference.WindowResult r = ref.predict(x.get(i), y.get(i),
                            context.stream().mapToInt(Integer::intValue).toArray(), eps);
                    for (int t = 0; t < l; t++) {
                        for (int d = 0; d < dy; d++) {
                            int at = (i * l + t) * dy + d;
                            mean[at] = (float) r.mean()[t][d];
                            std[at] = (float) r.std()[t][d];
                            for (int s = 0; s < numSamples; s++) {
                                samples[((s * b + i) * l + t) * dy + d] = (float) r.samples()[s][t][d];
                            }
                        }
                    }
                }
                return new WindowOutput(mean, std, samples, sigma);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public TrainingKernel openTraining(ApWeights initial, TrainingConfig config, Engine engine) {
        throw new UnsupportedOperationException("the reference backend only predicts; train with an engine");
    }
}
