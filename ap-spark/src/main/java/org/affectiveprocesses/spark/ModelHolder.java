package org.affectiveprocesses.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.affectiveprocesses.api.AffectiveProcess;

/**
 * The Affective Processes of one executor JVM: a model file is loaded (with the default engine)
 * the first time a task asks for it and shared by every task of the JVM after that; the AP
 * predicts from any number of threads at once. A model file replaced on disk (another size or
 * modification time) is loaded again; the earlier model stays loaded, since a running task may
 * still use it. Models live as long as the executor.
 */
final class ModelHolder {
    private static final Map<String, AffectiveProcess> MODELS = new ConcurrentHashMap<>();
    private static final AtomicInteger LOADS = new AtomicInteger();

    private ModelHolder() {
    }

    /**
     * The model of a file.
     *
     * @throws IOException if the file cannot be read or is not a model file
     */
    static AffectiveProcess get(String modelFile) throws IOException {
        Path file = Path.of(modelFile);
        String key = file + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
        try {
            return MODELS.computeIfAbsent(key, k -> {
                ExecutorDefaults.apply();
                try {
                    AffectiveProcess ap = AffectiveProcess.load(file);
                    LOADS.incrementAndGet();
                    return ap;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** How many model files this JVM has loaded. */
    static int loads() {
        return LOADS.get();
    }
}
