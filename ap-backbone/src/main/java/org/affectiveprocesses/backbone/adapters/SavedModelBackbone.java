package org.affectiveprocesses.backbone.adapters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.backbone.BackboneSpec;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * A TensorFlow SavedModel directory (tag {@code serve}) as a backbone, through TensorFlow Java:
 * the spec's signature is called with the input fed by its signature name, and outputs are the
 * signature's named outputs. The signature's declared input shape is checked against the spec's
 * preprocessing (unknown dimensions are not checked).
 */
final class SavedModelBackbone extends ExternalBackbone {
    /** The tag of serving graphs. */
    static final String TAG = "serve";

    private final SavedModelBundle bundle;
    private final SessionFunction function;

    private SavedModelBackbone(Path dir, BackboneSpec spec, LabelSpace labels, SavedModelBundle bundle,
            SessionFunction function) {
        super(dir, spec, labels);
        this.bundle = bundle;
        this.function = function;
    }

    /**
     * Loads and probes a SavedModel.
     *
     * @param dir the SavedModel directory
     * @param spec the input, outputs and signature
     * @param labels what the pseudo-labels mean
     * @throws IOException if the directory cannot be read or the model does not fit the spec
     */
    static SavedModelBackbone open(Path dir, BackboneSpec spec, LabelSpace labels) throws IOException {
        SavedModelBundle bundle;
        try {
            bundle = SavedModelBundle.load(dir.toString(), TAG);
        } catch (RuntimeException e) {
            throw new ModelFormatException(dir, "is not a loadable SavedModel with the tag '" + TAG + "': "
                    + e.getMessage(), e);
        }
        try {
            List<String> keys = new ArrayList<>();
            bundle.signatures().forEach(s -> keys.add(s.key()));
            if (!keys.contains(spec.signature())) {
                throw new ModelFormatException(dir, "has no signature '" + spec.signature() + "'; its signatures are "
                        + keys);
            }
            SessionFunction fn = bundle.function(spec.signature());
            Signature sig = fn.signature();
            if (!sig.inputNames().contains(spec.input())) {
                throw new ModelFormatException(dir, "signature '" + spec.signature() + "' has no input '" + spec.input()
                        + "'; its inputs are " + sig.inputNames());
            }
            SavedModelBackbone b = new SavedModelBackbone(dir, spec, labels, bundle, fn);
            b.checkInput(sig.getInputs().get(spec.input()).shape);
            for (String o : spec.outputs()) {
                if (!sig.outputNames().contains(o)) {
                    throw new ModelFormatException(dir, "signature '" + spec.signature() + "' has no output '" + o
                            + "'; its outputs are " + sig.outputNames());
                }
            }
            b.probe();
            return b;
        } catch (IOException | RuntimeException e) {
            bundle.close();
            throw e;
        }
    }

    private void checkInput(Shape declared) throws ModelFormatException {
        long[] have = spec().preprocessing().batchShape(1);
        if (declared.isUnknown()) {
            return;
        }
        boolean fits = declared.numDimensions() == have.length;
        for (int i = 1; fits && i < have.length; i++) {
            fits = declared.get(i) < 0 || declared.get(i) == have[i];
        }
        if (!fits) {
            throw new ModelFormatException(file(), "input '" + spec().input() + "' has shape " + declared
                    + " (-1: any), but the spec prepares " + Arrays.toString(have) + " (" + spec().preprocessing()
                    + "); set the preprocessing's size, channels and layout to match");
        }
        if (declared.get(0) > 0) {
            limitBatch((int) declared.get(0));
        }
    }

    @Override
    Map<String, ModelOutput> run(float[] input, long[] shape) {
        Map<String, ModelOutput> out = new LinkedHashMap<>();
        try (TFloat32 x = TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(input, true, false));
                Result result = function.call(Map.of(spec().input(), x))) {
            for (Map.Entry<String, Tensor> e : result) {
                Tensor t = e.getValue();
                if (t instanceof TFloat32 f) {
                    float[] values = new float[Math.toIntExact(f.size())];
                    f.copyTo(DataBuffers.of(values, false, false));
                    out.put(e.getKey(), new ModelOutput(f.shape().asArray(), values));
                }
            }
        }
        return out;
    }

    @Override
    void release() {
        bundle.close();
    }
}
