package org.affectiveprocesses.backbone.fan;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import org.affectiveprocesses.api.backbone.Backbone;
import org.affectiveprocesses.api.backbone.BackboneProvider;

/**
 * Registers {@code Backbones.byName("fan")}: the paper's backbone with the weights file named by
 * the system property {@value #PROPERTY} (no pretrained weights exist publicly; train them with
 * {@link FanTrainer} and save them with {@link FanNetwork#save}).
 */
public final class FanBackboneProvider implements BackboneProvider {
    /** The backbone's name. */
    public static final String NAME = "fan";
    /** The system property that names the weights file. */
    public static final String PROPERTY = "ap.backbone.fan";

    /** Creates the provider (ServiceLoader). */
    public FanBackboneProvider() {
        // instantiated by ServiceLoader
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the paper's FAN-lite backbone (Sanchez et al. 2021, App. A) with weights from -D" + PROPERTY + "=FILE";
    }

    /**
     * @throws FileNotFoundException if the property is not set
     */
    @Override
    public Backbone create() throws IOException {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            throw new FileNotFoundException("backbone '" + NAME + "' needs a weights file: set -D" + PROPERTY
                    + "=/path/to/weights" + FanWeightsFile.EXTENSION + " (train one with FanTrainer, see docs/backbones.md)");
        }
        return FanBackbone.load(NAME, Path.of(file));
    }
}
