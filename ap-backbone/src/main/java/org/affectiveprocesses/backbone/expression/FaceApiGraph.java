package org.affectiveprocesses.backbone.expression;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.affectiveprocesses.api.ModelFormatException;

/**
 * Writes a face-api network of the {@code FaceFeatureExtractor} family as an ONNX model, from its
 * TF.js weights, for {@link FaceApiNetwork} to run on ONNX Runtime. The ONNX messages are the
 * protobuf classes of Tribuo's ONNX utilities ({@code ai.onnx.proto.OnnxMl}).
 *
 * <p>The graph (opset {@value #OPSET}): input {@value #INPUT} {@code N × 112 × 112 × 3} as
 * {@link FaceApiInput} makes it, transposed to channels first; four dense blocks with 32, 64, 128
 * and 256 channels (read from the weights), each halving the resolution (112 → 56 → 28 → 14 → 7).
 * A block has four 3 × 3 convolutions with TensorFlow "same" padding and a bias: {@code conv0}
 * with stride 2 (plain in {@code dense0}, depthwise-separable elsewhere), {@code conv1..conv3}
 * depthwise-separable with stride 1. With c<sub>i</sub> the convolutions' outputs:
 * o1 = relu(c0(x)), o2 = c1(o1), o3 = c2(relu(o1 + o2)), o4 = c3(relu(o1 + o2 + o3)), block output
 * relu(o1 + o2 + o3 + o4). Then a global average pool of the 7 × 7 × 256 map, output
 * {@value #EMBEDDING} ({@code N × 256}), and the fully connected head, output {@value #HEAD}
 * ({@code N × k}, no activation).
 *
 * <p>TensorFlow's "same" padding of a stride-2 convolution on an even size puts one pixel after
 * the image (bottom, right) and none before: pads {@code [0, 0, 1, 1]}; stride-1 convolutions pad
 * one pixel on every side. A depthwise-separable convolution is a grouped 3 × 3 convolution (one
 * group per channel, no bias) followed by a 1 × 1 convolution with the bias.
 */
final class FaceApiGraph {
    /** The input's name. */
    static final String INPUT = "input";
    /** The embedding output's name. */
    static final String EMBEDDING = "embedding";
    /** The head output's name. */
    static final String HEAD = "head";
    /** The ONNX operator set the graph uses. */
    static final int OPSET = 17;
    /** ONNX IR version 8 (opsets up to 18). */
    private static final int IR_VERSION = 8;
    private static final int BLOCKS = 4;
    private static final int KERNEL = 3;

    private final TfjsWeights weights;
    private final List<NodeProto> nodes = new ArrayList<>();
    private final List<TensorProto> initializers = new ArrayList<>();
    private int channels = 3;
    private long parameters;

    private FaceApiGraph(TfjsWeights weights) {
        this.weights = weights;
    }

    /**
     * The serialized ONNX model of a face-api network.
     *
     * @param weights the parsed weights ({@code dense0..dense3/conv0..conv3/...}, {@code fc/weights},
     *     {@code fc/bias})
     * @param headSize the number of head outputs the model must have
     * @return the model and its number of weights
     * @throws ModelFormatException if a weight is missing or of an unexpected shape
     */
    static Model model(TfjsWeights weights, int headSize) throws ModelFormatException {
        FaceApiGraph graph = new FaceApiGraph(weights);
        byte[] bytes = graph.build(headSize).toByteArray();
        return new Model(bytes, graph.parameters);
    }

    /**
     * A serialized model.
     *
     * @param bytes the ONNX model
     * @param parameters the number of weights it holds
     */
    record Model(byte[] bytes, long parameters) {
    }

    private ModelProto build(int headSize) throws ModelFormatException {
        String x = node("Transpose", INPUT + "/nchw", List.of(ints("perm", 0, 3, 1, 2)), INPUT);
        for (int b = 0; b < BLOCKS; b++) {
            x = block(b, x);
        }
        if (channels != FaceApiNetwork.EMBEDDING) {
            throw new ModelFormatException(Path.of(weights.source()),
                    "the last dense block has " + channels + " channels, expected " + FaceApiNetwork.EMBEDDING);
        }
        String pooled = node("GlobalAveragePool", "pool", List.of(), x);
        String embedding = node("Flatten", EMBEDDING, List.of(), pooled);
        TfjsWeights.Tensor fc = weights.require("fc/weights", channels, headSize);
        TfjsWeights.Tensor fcBias = weights.require("fc/bias", headSize);
        node("Gemm", HEAD, List.of(), embedding, initializer("fc/weights", fc.values(), channels, headSize),
                initializer("fc/bias", fcBias.values(), headSize));
        GraphProto graph = GraphProto.newBuilder()
                .setName("face-api " + weights.source())
                .addAllNode(nodes)
                .addAllInitializer(initializers)
                .addInput(value(INPUT, -1, FaceApiInput.SIZE, FaceApiInput.SIZE, 3))
                .addOutput(value(EMBEDDING, -1, FaceApiNetwork.EMBEDDING))
                .addOutput(value(HEAD, -1, headSize))
                .build();
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("affective-processes")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(OPSET))
                .setGraph(graph)
                .build();
    }

    /** A dense block: its four convolutions, the sums and the ReLUs. */
    private String block(int b, String x) throws ModelFormatException {
        String prefix = "dense" + b + "/";
        String o1 = node("Relu", prefix + "o1", List.of(), conv(b, 0, x));
        String s2 = node("Add", prefix + "s2", List.of(), conv(b, 1, o1), o1);
        String s3 = node("Add", prefix + "s3", List.of(), conv(b, 2, node("Relu", prefix + "r2", List.of(), s2)), s2);
        String s4 = node("Add", prefix + "s4", List.of(), conv(b, 3, node("Relu", prefix + "r3", List.of(), s3)), s3);
        return node("Relu", prefix + "out", List.of(), s4);
    }

    /** Convolution {@code c} of block {@code b}: plain for the very first, depthwise-separable after. */
    private String conv(int b, int c, String x) throws ModelFormatException {
        String name = "dense" + b + "/conv" + c + "/";
        List<AttributeProto> geometry = c == 0
                ? List.of(ints("kernel_shape", KERNEL, KERNEL), ints("strides", 2, 2), ints("pads", 0, 0, 1, 1))
                : List.of(ints("kernel_shape", KERNEL, KERNEL), ints("strides", 1, 1), ints("pads", 1, 1, 1, 1));
        int in = channels;
        if (b == 0 && c == 0) {
            TfjsWeights.Tensor filters = weights.require(name + "filters", KERNEL, KERNEL, in, -1);
            int out = filters.shape()[3];
            TfjsWeights.Tensor bias = weights.require(name + "bias", out);
            channels = out;
            return node("Conv", name + "out", geometry, x,
                    initializer(name + "filters", hwioToOihw(filters), out, in, KERNEL, KERNEL),
                    initializer(name + "bias", bias.values(), out));
        }
        TfjsWeights.Tensor depthwise = weights.require(name + "depthwise_filter", KERNEL, KERNEL, in, 1);
        TfjsWeights.Tensor pointwise = weights.require(name + "pointwise_filter", 1, 1, in, -1);
        int out = pointwise.shape()[3];
        TfjsWeights.Tensor bias = weights.require(name + "bias", out);
        channels = out;
        List<AttributeProto> grouped = new ArrayList<>(geometry);
        grouped.add(AttributeProto.newBuilder().setName("group").setType(AttributeProto.AttributeType.INT).setI(in)
                .build());
        String d = node("Conv", name + "depthwise", grouped, x,
                initializer(name + "depthwise_filter", depthwiseToOihw(depthwise), in, 1, KERNEL, KERNEL));
        return node("Conv", name + "out", List.of(ints("kernel_shape", 1, 1)), d,
                initializer(name + "pointwise_filter", hwioToOihw(pointwise), out, in, 1, 1),
                initializer(name + "bias", bias.values(), out));
    }

    /** Adds a node with one output, named {@code output}; returns that name. */
    private String node(String op, String output, List<AttributeProto> attributes, String... inputs) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(output).addOutput(output)
                .addAllAttribute(attributes);
        for (String i : inputs) {
            n.addInput(i);
        }
        nodes.add(n.build());
        return output;
    }

    /** Adds a float weight tensor (little-endian raw data); returns its name. */
    private String initializer(String name, float[] values, long... dims) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber())
                .setRawData(ByteString.copyFrom(bytes.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        initializers.add(t.build());
        parameters += values.length;
        return name;
    }

    private static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    /** A float tensor's name and shape; -1 is the batch dimension {@code N}. */
    private static ValueInfoProto value(String name, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("N")
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape)))
                .build();
    }

    /** TF [kh, kw, in, out] → ONNX [out, in, kh, kw]. */
    static float[] hwioToOihw(TfjsWeights.Tensor t) {
        int kh = t.shape()[0];
        int kw = t.shape()[1];
        int in = t.shape()[2];
        int out = t.shape()[3];
        float[] v = t.values();
        float[] r = new float[v.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        r[((o * in + i) * kh + y) * kw + x] = v[((y * kw + x) * in + i) * out + o];
                    }
                }
            }
        }
        return r;
    }

    /** TF depthwise [kh, kw, channels, 1] → ONNX grouped [channels, 1, kh, kw]. */
    static float[] depthwiseToOihw(TfjsWeights.Tensor t) {
        int kh = t.shape()[0];
        int kw = t.shape()[1];
        int ch = t.shape()[2];
        float[] v = t.values();
        float[] r = new float[v.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int c = 0; c < ch; c++) {
                    r[(c * kh + y) * kw + x] = v[(y * kw + x) * ch + c];
                }
            }
        }
        return r;
    }
}
