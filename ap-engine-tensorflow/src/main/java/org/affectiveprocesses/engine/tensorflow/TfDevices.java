package org.affectiveprocesses.engine.tensorflow;

import org.affectiveprocesses.api.Engine;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;

/**
 * Opens sessions on the device an {@link Engine} asks for: {@code cpu} hides every GPU from the
 * session, {@code gpu} requires one (an error naming the fix when TensorFlow sees none), and
 * {@code auto} lets TensorFlow place operations (on a GPU when the GPU natives and a GPU are
 * present).
 */
final class TfDevices {
    private static Boolean gpuSeen;

    private TfDevices() {
    }

    /**
     * A session over the graph on the engine's device.
     *
     * @param graph the graph
     * @param engine the engine choice
     * @param optimise whether TensorFlow's graph optimiser (Grappler) rewrites the graph on each
     *     new combination of feeds and fetches; it fuses MatMul, BiasAdd and ReLU, but takes
     *     about a second on a gradient graph
     * @throws IllegalStateException if the device is {@code gpu} and TensorFlow sees no GPU
     */
    static Session open(Graph graph, Engine engine, boolean optimise) {
        ConfigProto.Builder config = ConfigProto.newBuilder();
        if (!optimise) {
            config.setGraphOptions(GraphOptions.newBuilder()
                    .setRewriteOptions(RewriterConfig.newBuilder().setDisableMetaOptimizer(true)));
        }
        switch (engine.device()) {
            case "cpu":
                config.putDeviceCount("GPU", 0);
                break;
            case "gpu":
                if (!gpuAvailable()) {
                    throw new IllegalStateException("device gpu was asked for, but TensorFlow sees no GPU; put "
                            + "org.tensorflow:tensorflow-core-native with classifier linux-x86_64-gpu on the "
                            + "classpath instead of linux-x86_64 (see docs/engines.md) or use device cpu");
                }
                break;
            default:
                break;
        }
        return new Session(graph, config.build());
    }

    /** Whether TensorFlow can run an operation on GPU 0 (probed once). */
    static synchronized boolean gpuAvailable() {
        if (gpuSeen == null) {
            gpuSeen = probeGpu();
        }
        return gpuSeen;
    }

    private static boolean probeGpu() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g).withDevice(DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.GPU)
                    .deviceIndex(0).build());
            var probe = tf.math.add(tf.constant(1f), tf.constant(1f));
            try (Session s = new Session(g, ConfigProto.newBuilder().setAllowSoftPlacement(false).build())) {
                s.runner().fetch(probe).run().close();
                return true;
            } catch (TensorFlowException | IllegalArgumentException e) {
                return false;
            }
        }
    }
}
