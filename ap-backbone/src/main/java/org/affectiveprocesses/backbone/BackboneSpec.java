package org.affectiveprocesses.backbone;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How an external model is used as a backbone: the name of its image input, of the output that
 * holds the features x<sub>t</sub> and of the output that holds the pseudo-labels ŷ<sub>t</sub>
 * (already in [-1, 1]), optional further outputs to pass on (e.g. {@code "emotion"}), the
 * {@link Preprocessing} of its input and the largest batch it is given at once. Immutable and
 * validated.
 *
 * <pre>{@code
 * BackboneSpec spec = BackboneSpec.of("input", "features", "va")
 *         .withPreprocessing(Preprocessing.imagenet(224).withChannels(ChannelOrder.BGR));
 * }</pre>
 *
 * <p>Each output must hold one row per image; any trailing dimensions are flattened (a {@code
 * [N, 512, 1, 1]} output gives 512 features). For TorchScript models, whose outputs carry no
 * names unless the model returns a dictionary, positional outputs are named {@code "0"}, {@code
 * "1"}, …; TorchScript ignores the input name. SavedModels are called through the signature
 * {@link #signature()} ({@code "serving_default"} unless changed).
 *
 * @param input the model's image input
 * @param features the output holding x<sub>t</sub>
 * @param pseudoLabels the output holding ŷ<sub>t</sub>
 * @param extraOutputs further outputs copied into {@code FrameEncoding.outputs()} (immutable)
 * @param preprocessing how face crops become the input tensor
 * @param batchSize the most images per model call (at least 1)
 * @param signature the SavedModel signature key (ignored by the other formats)
 */
public record BackboneSpec(String input, String features, String pseudoLabels, List<String> extraOutputs,
        Preprocessing preprocessing, int batchSize, String signature) {
    /** The default batch size. */
    public static final int DEFAULT_BATCH = 8;
    /** The default SavedModel signature key. */
    public static final String SERVING_DEFAULT = "serving_default";

    /** Validates; names must be non-blank and the outputs distinct. */
    public BackboneSpec {
        requireName(input, "input");
        requireName(features, "features output");
        requireName(pseudoLabels, "pseudo-label output");
        requireName(signature, "signature");
        Objects.requireNonNull(preprocessing, "preprocessing");
        extraOutputs = List.copyOf(Objects.requireNonNull(extraOutputs, "extraOutputs"));
        List<String> all = new ArrayList<>();
        all.add(features);
        all.add(pseudoLabels);
        for (String extra : extraOutputs) {
            requireName(extra, "extra output");
            all.add(extra);
        }
        for (int i = 0; i < all.size(); i++) {
            if (all.indexOf(all.get(i)) != i) {
                throw new IllegalArgumentException("output '" + all.get(i) + "' is named twice in the backbone spec");
            }
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
    }

    /**
     * A spec with {@link Preprocessing#of(int) Preprocessing.of(224)} (RGB in [0, 1], NCHW), no
     * extra outputs, batches of {@value #DEFAULT_BATCH} and the {@code serving_default} signature.
     *
     * @param input the model's image input
     * @param features the output holding the features
     * @param pseudoLabels the output holding the pseudo-labels
     */
    public static BackboneSpec of(String input, String features, String pseudoLabels) {
        return new BackboneSpec(input, features, pseudoLabels, List.of(), Preprocessing.of(224), DEFAULT_BATCH,
                SERVING_DEFAULT);
    }

    /** A copy with another preprocessing. */
    public BackboneSpec withPreprocessing(Preprocessing p) {
        return new BackboneSpec(input, features, pseudoLabels, extraOutputs, p, batchSize, signature);
    }

    /** A copy that also passes on these outputs. */
    public BackboneSpec withExtraOutputs(String... names) {
        return new BackboneSpec(input, features, pseudoLabels, List.of(names), preprocessing, batchSize, signature);
    }

    /** A copy with another largest batch. */
    public BackboneSpec withBatchSize(int n) {
        return new BackboneSpec(input, features, pseudoLabels, extraOutputs, preprocessing, n, signature);
    }

    /** A copy calling another SavedModel signature. */
    public BackboneSpec withSignature(String key) {
        return new BackboneSpec(input, features, pseudoLabels, extraOutputs, preprocessing, batchSize, key);
    }

    /** Every output the backbone reads: features, pseudo-labels, then the extra outputs. */
    public List<String> outputs() {
        List<String> all = new ArrayList<>();
        all.add(features);
        all.add(pseudoLabels);
        all.addAll(extraOutputs);
        return List.copyOf(all);
    }

    private static void requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the backbone spec's " + what + " name must be non-empty");
        }
    }
}
