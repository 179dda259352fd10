package org.affectiveprocesses.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ServiceLoader;
import org.affectiveprocesses.api.spi.EngineProvider;

/**
 * Which compute engine runs a model, and on which device.
 *
 * <p>Engines are modules ({@code ap-engine-djl}, {@code ap-engine-tensorflow}) found on the
 * classpath through {@link ServiceLoader}. {@link #auto()} takes the engine named by the system
 * property {@value #ENGINE_PROPERTY} when set, otherwise the available engine of highest
 * priority (DJL before TensorFlow when both are present). The device is {@code "auto"} (GPU when
 * the engine's GPU natives are present, else CPU), {@code "cpu"} or {@code "gpu"}; the system
 * property {@value #DEVICE_PROPERTY} sets the default. {@link #withBatchSize} sets how many
 * windows go to the engine per call (an engine setting: it changes speed and memory, never
 * results).
 */
public final class Engine {
    /** System property naming the engine to use when none is named in code. */
    public static final String ENGINE_PROPERTY = "ap.engine";
    /** System property naming the default device: auto, cpu or gpu. */
    public static final String DEVICE_PROPERTY = "ap.device";

    /** The default number of windows per engine call. */
    public static final int DEFAULT_BATCH_SIZE = 64;

    private final String name;
    private final String device;
    private final int batchSize;

    private Engine(String name, String device, int batchSize) {
        this.name = name;
        this.device = checkDevice(device);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /** The engine chosen by {@value #ENGINE_PROPERTY} or by priority. */
    public static Engine auto() {
        return new Engine(null, System.getProperty(DEVICE_PROPERTY, "auto"), DEFAULT_BATCH_SIZE);
    }

    /**
     * A named engine, e.g. {@code "djl"} or {@code "tensorflow"}.
     *
     * @throws EngineNotFoundException (when used) if no such engine is on the classpath
     */
    public static Engine named(String engineName) {
        Objects.requireNonNull(engineName, "engineName");
        return new Engine(engineName.toLowerCase(Locale.ROOT), System.getProperty(DEVICE_PROPERTY, "auto"),
                DEFAULT_BATCH_SIZE);
    }

    /** A copy on another device: {@code "auto"}, {@code "cpu"} or {@code "gpu"}. */
    public Engine onDevice(String newDevice) {
        return new Engine(name, newDevice, batchSize);
    }

    /**
     * A copy that sends {@code windows} windows to the engine per call at inference (default
     * {@value #DEFAULT_BATCH_SIZE}).
     *
     * @param windows windows per engine call (&ge; 1)
     * @return the copy
     * @throws IllegalArgumentException if {@code windows} is less than 1
     */
    public Engine withBatchSize(int windows) {
        return new Engine(name, device, windows);
    }

    /** The requested device. */
    public String device() {
        return device;
    }

    /**
     * The number of windows sent to the engine per call at inference.
     *
     * @return windows per call
     */
    public int batchSize() {
        return batchSize;
    }

    /** The names of the engines on the classpath, highest priority first. */
    public static List<String> availableNames() {
        List<String> names = new ArrayList<>();
        for (EngineProvider p : providers()) {
            names.add(p.name());
        }
        return names;
    }

    /**
     * The provider that serves this choice.
     *
     * @throws EngineNotFoundException naming the engines that are available
     */
    public EngineProvider provider() {
        List<EngineProvider> all = providers();
        String wanted = name != null ? name : System.getProperty(ENGINE_PROPERTY);
        if (wanted == null || wanted.isBlank()) {
            if (all.isEmpty()) {
                throw new EngineNotFoundException("no Affective Process engine is on the classpath; "
                        + "add org.affectiveprocesses:ap-engine-djl or ap-engine-tensorflow");
            }
            return all.get(0);
        }
        String key = wanted.toLowerCase(Locale.ROOT);
        for (EngineProvider p : all) {
            if (p.name().equals(key)) {
                return p;
            }
        }
        throw new EngineNotFoundException("engine '" + wanted + "' is not on the classpath; available: "
                + availableNames());
    }

    /** The engine's name as given, or {@code "auto"}. */
    public String name() {
        return name == null ? "auto" : name;
    }

    @Override
    public String toString() {
        return "Engine[" + name() + ", device " + device + ", batch " + batchSize + "]";
    }

    private static List<EngineProvider> providers() {
        List<EngineProvider> list = new ArrayList<>();
        for (EngineProvider p : ServiceLoader.load(EngineProvider.class)) {
            list.add(p);
        }
        list.sort(Comparator.comparingInt(EngineProvider::priority).reversed()
                .thenComparing(EngineProvider::name));
        return list;
    }

    private static String checkDevice(String d) {
        String v = Objects.requireNonNull(d, "device").toLowerCase(Locale.ROOT);
        if (!v.equals("auto") && !v.equals("cpu") && !v.equals("gpu")) {
            throw new IllegalArgumentException("device must be auto, cpu or gpu, got '" + d + "'");
        }
        return v;
    }
}
