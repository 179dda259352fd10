package org.affectiveprocesses.backbone.fan;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.io.NpyArray;
import org.affectiveprocesses.io.NpzArchive;

/**
 * The paper's backbone on DJL's PyTorch engine, with its parameters in native memory: creation
 * with seeded initialisation, forward passes, freezing of the alignment module, parameter
 * snapshots, cost counting and weight files. Close it to free the native memory. Not thread-safe.
 */
public final class FanNetwork implements AutoCloseable {
    /** The DJL engine the network runs on. */
    public static final String ENGINE = org.affectiveprocesses.djl.DjlDevices.PYTORCH;

    private final NDManager manager;
    private final FanBlock block;
    private final ParameterStore store;

    private FanNetwork(FanConfig config, long seed) {
        Engine engine = Engine.getEngine(ENGINE);
        manager = engine.newBaseManager(Device.cpu());
        try {
            block = new FanBlock(config);
            engine.setRandomSeed((int) seed);
            block.initialize(manager, DataType.FLOAT32, inputShape(config, 1));
            store = new ParameterStore(manager, false);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * A freshly initialised network (DJL's default initialisers, seeded).
     *
     * @param config the network's shape
     * @param seed the seed of the initialisation
     */
    public static FanNetwork create(FanConfig config, long seed) {
        return new FanNetwork(Objects.requireNonNull(config, "config"), seed);
    }

    /**
     * Reads a network from a weights file written by {@link #save(Path)}.
     *
     * @param file the weights file
     * @throws org.affectiveprocesses.api.ModelFormatException if the file is not a valid weights file
     * @throws IOException if reading fails
     */
    public static FanNetwork load(Path file) throws IOException {
        FanWeightsFile.Contents c = FanWeightsFile.read(file);
        FanNetwork net = create(c.config(), 0);
        try {
            Map<String, Shape> expected = net.parameterShapes();
            Map<String, float[]> values = new LinkedHashMap<>();
            for (Map.Entry<String, Shape> e : expected.entrySet()) {
                NpyArray a = c.parameters().get(e.getKey());
                if (a == null) {
                    throw new ModelFormatException(file, "lacks the parameter '" + e.getKey() + "' of the network its "
                            + "config describes");
                }
                long[] want = e.getValue().getShape();
                int[] got = a.shape();
                if (!Arrays.equals(want, Arrays.stream(got).asLongStream().toArray())) {
                    throw new ModelFormatException(file, "entry '" + NpzArchive.entryOf(e.getKey()) + "' has shape "
                            + Arrays.toString(got) + "; the network needs " + Arrays.toString(want));
                }
                values.put(e.getKey(), a.toFloats());
            }
            for (String name : c.parameters().keySet()) {
                if (!expected.containsKey(name)) {
                    throw new ModelFormatException(file, "holds the parameter '" + name + "', which the network of its "
                            + "config does not have");
                }
            }
            net.restore(values);
            net.freezeAlignment(c.alignmentFrozen());
            return net;
        } catch (IOException | RuntimeException e) {
            net.close();
            throw e;
        }
    }

    /**
     * Writes the configuration and every parameter (including batch-norm statistics) to a
     * weights file, atomically.
     *
     * @param file the file to create or replace
     * @throws IOException if writing fails
     */
    public void save(Path file) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray a = p.getValue().getArray();
            int[] shape = Arrays.stream(a.getShape().getShape()).mapToInt(Math::toIntExact).toArray();
            arrays.put(p.getKey(), NpyArray.ofFloats(shape, a.toFloatArray()));
        }
        FanWeightsFile.write(file, new FanWeightsFile.Contents(config(), block.alignmentFrozen(), arrays));
    }

    /** The network's shape. */
    public FanConfig config() {
        return block.config();
    }

    /** The DJL block (for running the network directly through DJL). */
    public FanBlock block() {
        return block;
    }

    /** The manager that owns the parameters; create input arrays on a sub-manager of it. */
    public NDManager manager() {
        return manager;
    }

    /** The input shape of a batch of {@code n} images: {@code [n, 3, S, S]}. */
    public static Shape inputShape(FanConfig config, int n) {
        return new Shape(n, 3, config.inputSize(), config.inputSize());
    }

    /**
     * Runs the whole network (see {@link FanBlock} for the outputs).
     *
     * @param images an {@code [N, 3, S, S]} batch
     * @param training whether batch norm uses batch statistics (and gradients are recorded)
     */
    public NDList forward(NDArray images, boolean training) {
        return block.forward(store, new NDList(images), training);
    }

    /**
     * Runs the alignment module alone: the concatenated features and the heatmaps.
     *
     * @param images an {@code [N, 3, S, S]} batch
     * @param training whether batch norm uses batch statistics
     */
    public NDList forwardAlignment(NDArray images, boolean training) {
        return block.alignment().forward(store, new NDList(images), training);
    }

    /** Freezes or unfreezes the Face Alignment Module (see {@link FanBlock#freezeAlignment(boolean)}). */
    public void freezeAlignment(boolean freeze) {
        block.freezeAlignment(freeze);
    }

    /** Whether the Face Alignment Module is frozen. */
    public boolean alignmentFrozen() {
        return block.alignmentFrozen();
    }

    /**
     * Parameters and multiply-adds per frame at the configured input size, counted from the
     * initialised layers.
     */
    public BackboneComplexity complexity() {
        Shape in = inputShape(config(), 1);
        Shape aligned = block.alignment().getOutputShapes(new Shape[] {in})[0];
        Shape map = block.taskFeatures().getOutputShapes(new Shape[] {aligned})[0];
        List<BackboneComplexity.Module> modules = List.of(
                new BackboneComplexity.Module("alignment", trainable(block.alignment()),
                        block.alignment().multiplyAdds(in)),
                new BackboneComplexity.Module("task features", trainable(block.taskFeatures()),
                        block.taskFeatures().multiplyAdds(aligned)),
                new BackboneComplexity.Module("head", trainable(block.head()), block.head().multiplyAdds(map)));
        return new BackboneComplexity(trainable(block), block.multiplyAdds(in), config().inputSize(), modules);
    }

    /**
     * A copy of every parameter's values (including batch-norm statistics), by parameter name,
     * in the block's order.
     */
    public Map<String, float[]> snapshot() {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            out.put(p.getKey(), p.getValue().getArray().toFloatArray());
        }
        return out;
    }

    /** The parameter names and shapes, in the block's order. */
    public Map<String, Shape> parameterShapes() {
        Map<String, Shape> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            out.put(p.getKey(), p.getValue().getArray().getShape());
        }
        return out;
    }

    /**
     * Overwrites every parameter with the given values.
     *
     * @param values values by parameter name, exactly the names of {@link #snapshot()}
     * @throws IllegalArgumentException if a name is missing or unknown or a size differs
     */
    public void restore(Map<String, float[]> values) {
        List<String> names = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            float[] v = values.get(p.getKey());
            NDArray a = p.getValue().getArray();
            if (v == null || v.length != a.size()) {
                throw new IllegalArgumentException("parameter '" + p.getKey() + "' needs " + a.size() + " values, got "
                        + (v == null ? "none" : v.length));
            }
            a.set(v);
            names.add(p.getKey());
        }
        if (values.size() != names.size()) {
            List<String> extra = new ArrayList<>(values.keySet());
            extra.removeAll(names);
            throw new IllegalArgumentException("unknown parameters " + extra);
        }
    }

    /** Releases the native memory. */
    @Override
    public void close() {
        manager.close();
    }

    static long trainable(Block b) {
        long n = 0;
        for (Pair<String, Parameter> p : b.getParameters()) {
            Parameter.Type t = p.getValue().getType();
            if (t != Parameter.Type.RUNNING_MEAN && t != Parameter.Type.RUNNING_VAR) {
                n += p.getValue().getArray().size();
            }
        }
        return n;
    }
}
