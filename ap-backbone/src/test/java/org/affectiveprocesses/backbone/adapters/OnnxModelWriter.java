package org.affectiveprocesses.backbone.adapters;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@link TinyModel} as an ONNX file with the ONNX protobuf classes of Tribuo's
 * {@code tribuo-util-onnx}: Flatten → MatMul → Add ("features") → MatMul → Add → Tanh ("va"),
 * opset 13, IR version 8.
 */
final class OnnxModelWriter {
    private OnnxModelWriter() {
    }

    /**
     * Writes the model.
     *
     * @param file the target
     * @param inputName the graph input's name
     * @param batch the input's batch dimension, or 0 for a symbolic "N"
     * @param side the input's declared height and width
     * @param vaName the name of the pseudo-label output
     */
    static void write(Path file, String inputName, int batch, int side, String vaName) throws IOException {
        GraphProto graph = GraphProto.newBuilder()
                .setName("tiny")
                .addNode(node("Flatten", "flatten", "flat", inputName))
                .addNode(node("MatMul", "mm1", "h", "flat", "W1T"))
                .addNode(node("Add", "add1", "features", "h", "B1"))
                .addNode(node("MatMul", "mm2", "z", "features", "W2T"))
                .addNode(node("Add", "add2", "zb", "z", "B2"))
                .addNode(node("Tanh", "tanh", vaName, "zb"))
                .addInitializer(tensor("W1T", new long[] {TinyModel.IN, TinyModel.HID}, flatten(TinyModel.w1t())))
                .addInitializer(tensor("B1", new long[] {TinyModel.HID}, TinyModel.b1()))
                .addInitializer(tensor("W2T", new long[] {TinyModel.HID, TinyModel.OUT}, flatten(TinyModel.w2t())))
                .addInitializer(tensor("B2", new long[] {TinyModel.OUT}, TinyModel.b2()))
                .addInput(valueInfo(inputName, batch, 3, side, side))
                .addOutput(valueInfo("features", batch, TinyModel.HID))
                .addOutput(valueInfo(vaName, batch, TinyModel.OUT))
                .build();
        ModelProto model = ModelProto.newBuilder()
                .setIrVersion(8)
                .setProducerName("ap-backbone-test")
                .setGraph(graph)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(13))
                .build();
        Files.write(file, model.toByteArray());
    }

    private static NodeProto node(String op, String name, String output, String... inputs) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(name).addOutput(output);
        for (String in : inputs) {
            n.addInput(in);
        }
        return n.build();
    }

    private static TensorProto tensor(String name, long[] dims, float[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber()).setRawData(ByteString.copyFrom(raw.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    private static ValueInfoProto valueInfo(String name, int batch, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder().addDim(batch > 0
                ? TensorShapeProto.Dimension.newBuilder().setDimValue(batch)
                : TensorShapeProto.Dimension.newBuilder().setDimParam("N"));
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape)))
                .build();
    }

    private static float[] flatten(float[][] m) {
        float[] out = new float[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, out, i * m[0].length, m[0].length);
        }
        return out;
    }
}
