package org.affectiveprocesses.backbone.precomputed;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import org.affectiveprocesses.api.backbone.Backbone;
import org.affectiveprocesses.api.backbone.BackboneProvider;

/**
 * Registers {@code Backbones.byName("precomputed")}: a {@link PrecomputedBackbone} over the
 * feature file named by the system property {@value #PROPERTY}.
 */
public final class PrecomputedBackboneProvider implements BackboneProvider {
    /** The system property that names the feature file. */
    public static final String PROPERTY = "ap.backbone.precomputed";

    /** Creates the provider (ServiceLoader). */
    public PrecomputedBackboneProvider() {
        // instantiated by ServiceLoader
    }

    @Override
    public String name() {
        return PrecomputedBackbone.NAME;
    }

    @Override
    public String description() {
        return "features and pseudo-labels read from a feature file (-D" + PROPERTY + "=FILE)";
    }

    /**
     * @throws FileNotFoundException if the property is not set
     */
    @Override
    public Backbone create() throws IOException {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            throw new FileNotFoundException("backbone '" + name() + "' needs a feature file: set -D" + PROPERTY
                    + "=/path/to/video.npz");
        }
        return PrecomputedBackbone.open(Path.of(file));
    }
}
