package org.affectiveprocesses.api.spi;

import java.io.IOException;
import java.nio.file.Path;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.AffectiveProcessTrainer;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.TrainingConfig;

/**
 * A compute engine for the Affective Process, registered in {@code
 * META-INF/services/org.affectiveprocesses.api.spi.EngineProvider} of its module. Users never
 * name implementations: {@link Engine} finds them.
 */
public interface EngineProvider {

    /** The engine's short name, lower case, e.g. {@code "djl"}. */
    String name();

    /** Its rank when several engines are present and none is named (higher wins). */
    int priority();

    /** A trainer running on this engine. */
    AffectiveProcessTrainer trainer(TrainingConfig config, Engine engine);

    /**
     * Loads a model file onto this engine.
     *
     * @throws org.affectiveprocesses.api.ModelFormatException if the file is malformed
     * @throws IOException if it cannot be read
     */
    AffectiveProcess load(Path file, Engine engine) throws IOException;
}
