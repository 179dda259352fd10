package org.affectiveprocesses.backbone.adapters;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.backbone.BackboneSpec;

/**
 * An ONNX model (DJL's OnnxRuntime engine) or a TorchScript model (DJL's PyTorch engine) as a
 * backbone. ONNX inputs are passed by name (the model must have exactly the spec's one input);
 * an input shape the model does not accept fails the probe with ONNX Runtime's message. Outputs
 * are found by name; unnamed outputs (a TorchScript tuple) are named by position, {@code "0"},
 * {@code "1"}, ….
 */
final class DjlModelBackbone extends ExternalBackbone {
    /** DJL's name of the ONNX Runtime engine. */
    static final String ONNX = "OnnxRuntime";
    /** DJL's name of the PyTorch engine. */
    static final String TORCH = "PyTorch";

    private final String engine;
    private final Model model;

    private DjlModelBackbone(Path file, BackboneSpec spec, LabelSpace labels, String engine, Model model) {
        super(file, spec, labels);
        this.engine = engine;
        this.model = model;
    }

    /**
     * Loads and probes a model.
     *
     * @param file the {@code .onnx} or TorchScript {@code .pt} file
     * @param spec the input and outputs
     * @param labels what the pseudo-labels mean
     * @param engine {@link #ONNX} or {@link #TORCH}
     * @throws IOException if the file cannot be read or the model does not fit the spec
     */
    static DjlModelBackbone open(Path file, BackboneSpec spec, LabelSpace labels, String engine) throws IOException {
        if (!Engine.hasEngine(engine)) {
            throw new IllegalStateException("DJL's " + engine + " engine is not on the classpath; add "
                    + (ONNX.equals(engine) ? "ai.djl.onnxruntime:onnxruntime-engine" : "ai.djl.pytorch:pytorch-engine")
                    + " to use " + file);
        }
        Model model = Model.newInstance(String.valueOf(file.getFileName()), Device.cpu(), engine);
        try {
            model.load(file);
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            throw new ModelFormatException(file, "is not a loadable " + (ONNX.equals(engine) ? "ONNX" : "TorchScript")
                    + " model: " + e.getMessage(), e);
        } catch (IOException e) {
            model.close();
            throw e;
        }
        DjlModelBackbone b = new DjlModelBackbone(file, spec, labels, engine, model);
        try {
            b.checkInput();
            b.probe();
            return b;
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private void checkInput() throws ModelFormatException {
        if (!ONNX.equals(engine)) {
            return;
        }
        PairList<String, Shape> inputs = model.getBlock().describeInput();
        if (inputs.size() != 1 || !inputs.keys().contains(spec().input())) {
            throw new ModelFormatException(file(), "the model's inputs are " + inputs.keys() + "; the spec names '"
                    + spec().input() + "' and a backbone model must have exactly one image input");
        }
    }

    @Override
    Map<String, ModelOutput> run(float[] input, long[] shape) {
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDArray x = m.create(input, new Shape(shape));
            if (ONNX.equals(engine)) {
                x.setName(spec().input());
            }
            NDList out = model.getBlock().forward(new ParameterStore(m, false), new NDList(x), false);
            Map<String, ModelOutput> result = new LinkedHashMap<>();
            for (int i = 0; i < out.size(); i++) {
                NDArray a = out.get(i);
                String key = a.getName() == null || a.getName().isEmpty() ? Integer.toString(i) : a.getName();
                result.put(key, new ModelOutput(a.getShape().getShape(), a.toType(ai.djl.ndarray.types.DataType.FLOAT32,
                        false).toFloatArray()));
            }
            return result;
        }
    }

    @Override
    void release() {
        model.close();
    }
}
