package org.affectiveprocesses.api.backbone;

import java.io.IOException;

/**
 * Makes a named backbone available to {@link Backbones#byName(String)}; registered with {@link
 * java.util.ServiceLoader} in {@code
 * META-INF/services/org.affectiveprocesses.api.backbone.BackboneProvider}.
 */
public interface BackboneProvider {

    /** The name users pass to {@link Backbones#byName(String)}. */
    String name();

    /** A one-line description for listings. */
    String description();

    /**
     * Creates a ready backbone.
     *
     * @throws IOException if its weights or files cannot be read
     */
    Backbone create() throws IOException;
}
