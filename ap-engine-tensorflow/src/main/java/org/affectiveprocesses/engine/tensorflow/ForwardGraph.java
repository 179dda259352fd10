package org.affectiveprocesses.engine.tensorflow;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.ApVariant;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.ApWeights;
import org.affectiveprocesses.io.TensorSpec;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The test-time forward pass of B windows of L frames as graph nodes, with the weights as
 * constants and the first layers rearranged by {@link FoldedFirstLayers}. Encoding ({@link
 * #x}, {@link #labels} → {@link #encoded}, {@link #sigmaNorms}, {@link #decoderX}, {@link
 * #detEncoded}) and aggregation/decoding ({@link #context}, {@link #noise} and those encodings →
 * {@link #means}, {@link #std}) can run as separate session calls: the second is fed the first's
 * encodings.
 */
final class ForwardGraph {
    /** [B·L, dx] features. */
    final Placeholder<TFloat32> x;
    /** [B·L, dy] labels the encoder reads. */
    final Placeholder<TFloat32> labels;
    /** [B, L] context weights. */
    final Placeholder<TFloat32> context;
    /** [N, B, Z] sampling noise, or null for the deterministic AP. */
    final Placeholder<TFloat32> noise;
    /** [B·L, Z] frame encodings r. */
    final Operand<TFloat32> encoded;
    /** [B·L] ‖σ(r)‖ per frame, or null for the deterministic AP. */
    final Operand<TFloat32> sigmaNorms;
    /** [B·L, H] the decoder first layer's feature part. */
    final Operand<TFloat32> decoderX;
    /** [B·L, Z] deterministic-path encodings before attention, or null. */
    final Operand<TFloat32> detEncoded;
    /** [(N + 1)·B·L, dy]: output means with z = μ_C, then of each function sample. */
    final Operand<TFloat32> means;
    /** [B·L, dy] output σ with z = μ_C. */
    final Operand<TFloat32> std;

    ForwardGraph(Ops tf, ApWeights weights) {
        ApModelSpec spec = weights.spec();
        ApArchitecture a = spec.architecture();
        ApVariant variant = a.variant();
        int dy = spec.labelSize();
        int h = a.hiddenSize();
        int z = a.latentSize();
        FoldedFirstLayers folded = new FoldedFirstLayers(weights);
        Map<String, Operand<TFloat32>> constants = new HashMap<>();
        TfLayers f = new TfLayers(tf, spec, name -> constants.computeIfAbsent(name,
                n -> constant(tf, weights.get(n), shapeOf(spec, n))));
        x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, spec.featureSize())));
        labels = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, dy)));
        context = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1)));
        noise = variant.isStochastic() ? tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, z))) : null;

        // every frame: one product with the stacked first layers, then the encoders
        Operand<TFloat32> firstX = tf.nn.biasAdd(f.matMulT(x, constant(tf, folded.stackedX, folded.branches * h,
                spec.featureSize())), constant(tf, folded.stackedBias, folded.branches * h));
        List<Operand<TFloat32>> parts = tf.split(tf.constant(1), firstX, (long) folded.branches).output()
                .stream().map(o -> (Operand<TFloat32>) o).toList();
        encoded = f.encoderTail(ApModelSpec.ENCODER, withLabels(f, spec, parts.get(0), folded.encoderLabels));
        sigmaNorms = variant.isStochastic() ? f.rowNorms(f.latent(encoded).sigma()) : null;
        decoderX = parts.get(folded.branches - 1);
        detEncoded = variant.hasDeterministicPath()
                ? f.encoderTail(ApModelSpec.DET_ENCODER, withLabels(f, spec, parts.get(1), folded.detEncoderLabels))
                : null;

        // every window: aggregate the context, z = μ_C and the samples, the decoder's z part
        Operand<TInt32> bl = tf.shape(context);
        Operand<TInt32> windows = tf.slice(bl, tf.constant(new int[] {0}), tf.constant(new int[] {1}));
        Operand<TFloat32> weights3 = tf.expandDims(context, tf.constant(2));
        TfLayers.Latent q = f.latent(aggregate(tf, encoded, bl, weights3, z));
        Operand<TFloat32> zAll = tf.expandDims(q.mu(), tf.constant(0));
        if (noise != null) {
            Operand<TFloat32> drawn = tf.math.add(zAll, tf.math.mul(tf.expandDims(q.sigma(), tf.constant(0)), noise));
            zAll = tf.concat(List.of(zAll, drawn), tf.constant(0));
        }
        Operand<TInt32> copiesByWindows = tf.concat(List.of(tf.constant(new int[] {-1}), windows,
                tf.constant(new int[] {h})), tf.constant(0));
        Operand<TFloat32> perWindow = tf.reshape(tf.nn.biasAdd(
                f.matMulT(tf.reshape(zAll, tf.constant(new int[] {-1, z})), constant(tf, folded.decoderZ, h, z)),
                constant(tf, folded.decoderBias, h)), copiesByWindows);
        if (detEncoded != null) {
            Operand<TFloat32> d = detEncoded;
            if (variant == ApVariant.LATENT_DETERMINISTIC_ATTENTION) {
                d = f.selfAttention(d, bl, keyMask(tf, context));
            }
            Operand<TFloat32> detTerm = f.matMulT(aggregate(tf, d, bl, weights3, z), constant(tf, folded.decoderDet, h, z));
            perWindow = tf.math.add(perWindow, tf.expandDims(detTerm, tf.constant(0)));
        }

        // every frame of every copy (mean, then samples): the decoder's upper layers
        Operand<TFloat32> frames = tf.reshape(decoderX, tf.concat(List.of(tf.constant(new int[] {1}), bl,
                tf.constant(new int[] {h})), tf.constant(0)));
        Operand<TFloat32> pre = tf.reshape(tf.math.add(frames, tf.expandDims(perWindow, tf.constant(2))),
                tf.constant(new int[] {-1, h}));
        Operand<TFloat32> raw = f.decoderTail(pre);
        means = f.columns(raw, 0, dy);
        Operand<TInt32> rows = tf.slice(tf.shape(decoderX), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
        Operand<TFloat32> firstRaw = tf.slice(raw, tf.constant(new int[] {0, dy}),
                tf.concat(List.of(rows, tf.constant(new int[] {dy})), tf.constant(0)));
        std = f.outputSigma(firstRaw);
    }

    /** Σ_t w_{b,t}·v_{b,t} over each window's frames ([B·L, K] rows → [B, K]). */
    private static Operand<TFloat32> aggregate(Ops tf, Operand<TFloat32> rowValues, Operand<TInt32> bl,
            Operand<TFloat32> weights3, int k) {
        Operand<TFloat32> perWindow = tf.reshape(rowValues, tf.concat(List.of(bl, tf.constant(new int[] {k})), tf.constant(0)));
        return tf.sum(tf.math.mul(perWindow, weights3), tf.constant(1));
    }

    /** [B, 1, 1, L]: 0 for each window's context frames, {@link TfLayers#MASKED} for the others. */
    private static Operand<TFloat32> keyMask(Ops tf, Operand<TFloat32> context) {
        Operand<TFloat32> isContext = tf.dtypes.cast(tf.math.greater(context, tf.constant(0f)), TFloat32.class);
        Operand<TFloat32> mask = tf.math.mul(tf.math.sub(isContext, tf.constant(1f)), tf.constant(-TfLayers.MASKED));
        return tf.expandDims(tf.expandDims(mask, tf.constant(1)), tf.constant(1));
    }

    /** An encoder's first-layer pre-activation: the feature part plus ŷ through the folded label weights. */
    private Operand<TFloat32> withLabels(TfLayers f, ApModelSpec spec, Operand<TFloat32> xPart, float[] labelWeights) {
        if (labelWeights == null) {
            return xPart;
        }
        return f.ops().math.add(xPart, f.matMulT(labels, constant(f.ops(), labelWeights,
                spec.architecture().hiddenSize(), spec.labelSize())));
    }

    private static long[] shapeOf(ApModelSpec spec, String name) {
        for (TensorSpec t : spec.parameters()) {
            if (t.name().equals(name)) {
                return Arrays.stream(t.shape()).asLongStream().toArray();
            }
        }
        throw new IllegalArgumentException("no tensor " + name + " in " + spec.architecture().displayName());
    }

    private static Operand<TFloat32> constant(Ops tf, float[] values, long... shape) {
        return tf.constant(Shape.of(shape), DataBuffers.of(values, true, false));
    }
}
