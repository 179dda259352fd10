package org.affectiveprocesses.core.engine;

import java.io.IOException;
import java.nio.file.Path;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.AffectiveProcessTrainer;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.api.spi.EngineProvider;
import org.affectiveprocesses.core.inference.WindowedAffectiveProcess;
import org.affectiveprocesses.core.io.ModelFile;
import org.affectiveprocesses.core.training.ProtocolTrainer;

/**
 * An {@link EngineProvider} built on an {@link ApBackend}: the training protocol, model files and
 * windowing come from this module, the tensor math from the backend. Engine modules subclass it
 * with a no-argument constructor and register the subclass with {@link java.util.ServiceLoader}.
 */
public abstract class BackendEngineProvider implements EngineProvider {
    private final ApBackend backend;
    private final int priority;

    /**
     * @param backend the engine's tensor math
     * @param priority rank among engines when none is named (higher wins)
     */
    protected BackendEngineProvider(ApBackend backend, int priority) {
        this.backend = backend;
        this.priority = priority;
    }

    @Override
    public String name() {
        return backend.name();
    }

    @Override
    public int priority() {
        return priority;
    }

    /** The backend. */
    public ApBackend backend() {
        return backend;
    }

    @Override
    public AffectiveProcessTrainer trainer(TrainingConfig config, Engine engine) {
        return new ProtocolTrainer(backend, config, engine);
    }

    @Override
    public AffectiveProcess load(Path file, Engine engine) throws IOException {
        return WindowedAffectiveProcess.open(backend, engine, ModelFile.read(file));
    }
}
