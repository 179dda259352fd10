package org.affectiveprocesses.backbone.adapters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.backbone.Backbone;
import org.affectiveprocesses.backbone.BackboneSpec;

/**
 * Turns a model trained elsewhere into a {@link Backbone}: an ONNX file (DJL's ONNX Runtime
 * engine), a TorchScript file (DJL's PyTorch engine) or a TensorFlow SavedModel directory
 * (TensorFlow Java). The {@link BackboneSpec} names the image input and the feature and
 * pseudo-label outputs and says how faces are preprocessed.
 *
 * <pre>{@code
 * try (Backbone b = ExternalBackbones.onnx(Path.of("model.onnx"), BackboneSpec.of("input", "features", "va"))) {
 *     FrameEncoding e = b.encode(face);
 * }
 * }</pre>
 *
 * Each factory loads the model and runs it once on a black image, so a model whose input or
 * outputs do not match the spec fails here, with a {@link
 * org.affectiveprocesses.api.ModelFormatException} naming the file and the input or output. The
 * backbone's name is the model's file name. ONNX Runtime and TensorFlow Java are optional
 * dependencies of this module: add {@code ai.djl.onnxruntime:onnxruntime-engine} or {@code
 * org.tensorflow:tensorflow-core-api} (with {@code tensorflow-core-native} for your platform) to
 * use them.
 */
public final class ExternalBackbones {
    private ExternalBackbones() {
    }

    /**
     * An ONNX model whose pseudo-labels are valence and arousal.
     *
     * @param model the {@code .onnx} file
     * @param spec the input, outputs and preprocessing
     * @throws NoSuchFileException if the file does not exist
     * @throws IOException if the model cannot be read or does not fit the spec
     */
    public static Backbone onnx(Path model, BackboneSpec spec) throws IOException {
        return onnx(model, spec, LabelSpace.valenceArousal());
    }

    /**
     * An ONNX model.
     *
     * @param model the {@code .onnx} file
     * @param spec the input, outputs and preprocessing
     * @param labels what the pseudo-labels mean
     * @throws NoSuchFileException if the file does not exist
     * @throws IOException if the model cannot be read or does not fit the spec
     */
    public static Backbone onnx(Path model, BackboneSpec spec, LabelSpace labels) throws IOException {
        requireFile(model, "ONNX model");
        return DjlModelBackbone.open(model, Objects.requireNonNull(spec, "spec"), labels, DjlModelBackbone.ONNX);
    }

    /**
     * A TorchScript model (saved with {@code torch.jit.save}). Its forward method takes the image
     * batch and returns a dictionary of named tensors or a tuple (outputs {@code "0"}, {@code
     * "1"}, …).
     *
     * @param model the TorchScript file
     * @param spec the outputs and preprocessing (the input name is not used)
     * @param labels what the pseudo-labels mean
     * @throws NoSuchFileException if the file does not exist
     * @throws IOException if the model cannot be read or does not fit the spec
     */
    public static Backbone torchScript(Path model, BackboneSpec spec, LabelSpace labels) throws IOException {
        requireFile(model, "TorchScript model");
        return DjlModelBackbone.open(model, Objects.requireNonNull(spec, "spec"), labels, DjlModelBackbone.TORCH);
    }

    /**
     * A TensorFlow SavedModel (tag {@code serve}), called through the spec's signature.
     *
     * @param directory the SavedModel directory
     * @param spec the input and output names of the signature, and the preprocessing
     * @param labels what the pseudo-labels mean
     * @throws NoSuchFileException if the directory does not exist
     * @throws IOException if the model cannot be read or does not fit the spec
     */
    public static Backbone savedModel(Path directory, BackboneSpec spec, LabelSpace labels) throws IOException {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw new NoSuchFileException(directory.toString(), null, "SavedModel directory not found");
        }
        return SavedModelBackbone.open(directory, Objects.requireNonNull(spec, "spec"), labels);
    }

    private static void requireFile(Path file, String what) throws NoSuchFileException {
        Objects.requireNonNull(file, "model");
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, what + " file not found");
        }
    }
}
