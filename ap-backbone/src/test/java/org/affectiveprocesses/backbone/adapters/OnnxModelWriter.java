package org.affectiveprocesses.backbone.adapters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@link TinyModel} as an ONNX file, hand-encoding the protobuf messages of onnx.proto
 * (ModelProto, GraphProto, NodeProto, TensorProto, ValueInfoProto, TypeProto) field by field:
 * Flatten → MatMul → Add ("features") → MatMul → Add → Tanh ("va"), opset 13, IR version 8.
 */
final class OnnxModelWriter {
    private static final int VARINT = 0;
    private static final int BYTES = 2;
    private static final int FLOAT = 1;

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
        Proto graph = new Proto();
        graph.message(1, node("Flatten", "flatten", new String[] {inputName}, "flat"));
        graph.message(1, node("MatMul", "mm1", new String[] {"flat", "W1T"}, "h"));
        graph.message(1, node("Add", "add1", new String[] {"h", "B1"}, "features"));
        graph.message(1, node("MatMul", "mm2", new String[] {"features", "W2T"}, "z"));
        graph.message(1, node("Add", "add2", new String[] {"z", "B2"}, "zb"));
        graph.message(1, node("Tanh", "tanh", new String[] {"zb"}, vaName));
        graph.string(2, "tiny");
        graph.message(5, tensor("W1T", new long[] {TinyModel.IN, TinyModel.HID}, flatten(TinyModel.w1t())));
        graph.message(5, tensor("B1", new long[] {TinyModel.HID}, TinyModel.b1()));
        graph.message(5, tensor("W2T", new long[] {TinyModel.HID, TinyModel.OUT}, flatten(TinyModel.w2t())));
        graph.message(5, tensor("B2", new long[] {TinyModel.OUT}, TinyModel.b2()));
        graph.message(11, valueInfo(inputName, batch, 3, side, side));
        graph.message(12, valueInfo("features", batch, TinyModel.HID));
        graph.message(12, valueInfo(vaName, batch, TinyModel.OUT));
        Proto opset = new Proto();
        opset.varint(2, 13);
        Proto model = new Proto();
        model.varint(1, 8);
        model.string(2, "ap-backbone-test");
        model.message(7, graph);
        model.message(8, opset);
        Files.write(file, model.bytes());
    }

    private static Proto node(String op, String name, String[] inputs, String output) {
        Proto n = new Proto();
        for (String in : inputs) {
            n.string(1, in);
        }
        n.string(2, output);
        n.string(3, name);
        n.string(4, op);
        return n;
    }

    private static Proto tensor(String name, long[] dims, float[] values) {
        Proto t = new Proto();
        for (long d : dims) {
            t.varint(1, d);
        }
        t.varint(2, FLOAT);
        t.string(8, name);
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        t.bytes(9, raw.array());
        return t;
    }

    private static Proto valueInfo(String name, int batch, long... dims) {
        Proto shape = new Proto();
        Proto first = new Proto();
        if (batch > 0) {
            first.varint(1, batch);
        } else {
            first.string(2, "N");
        }
        shape.message(1, first);
        for (long d : dims) {
            Proto dim = new Proto();
            dim.varint(1, d);
            shape.message(1, dim);
        }
        Proto tensorType = new Proto();
        tensorType.varint(1, FLOAT);
        tensorType.message(2, shape);
        Proto type = new Proto();
        type.message(1, tensorType);
        Proto info = new Proto();
        info.string(1, name);
        info.message(2, type);
        return info;
    }

    private static float[] flatten(float[][] m) {
        float[] out = new float[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, out, i * m[0].length, m[0].length);
        }
        return out;
    }

    /** A protobuf message being encoded. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void varint(int field, long value) {
            key(field, VARINT);
            raw(value);
        }

        void string(int field, String value) {
            bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        void bytes(int field, byte[] value) {
            key(field, BYTES);
            raw(value.length);
            out.writeBytes(value);
        }

        void message(int field, Proto value) {
            bytes(field, value.bytes());
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private void key(int field, int wire) {
            raw(((long) field << 3) | wire);
        }

        private void raw(long value) {
            long v = value;
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
    }
}
