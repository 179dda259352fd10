package org.affectiveprocesses.spark;

/**
 * The native-library settings an executor JVM gets unless its Java options say otherwise, applied
 * before the first native model is loaded in the JVM.
 *
 * <ul>
 *   <li>{@code ai.djl.pytorch.num_threads=1}: every task slot of an executor runs its own model,
 *       so PyTorch's intra-op threads would only compete with the other slots (and, in extraction,
 *       with the decoder and face detector of the same task) for the executor's cores;
 *   <li>{@code ai.djl.offline=true}: the native libraries come inside the job's jars, so DJL never
 *       needs the network.
 * </ul>
 */
final class ExecutorDefaults {
    static final String PYTORCH_THREADS = "ai.djl.pytorch.num_threads";
    static final String DJL_OFFLINE = "ai.djl.offline";

    private ExecutorDefaults() {
    }

    static void apply() {
        setIfAbsent(PYTORCH_THREADS, "1");
        setIfAbsent(DJL_OFFLINE, "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
