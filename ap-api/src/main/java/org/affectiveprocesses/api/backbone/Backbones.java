package org.affectiveprocesses.api.backbone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds backbones by name among the providers on the classpath. */
public final class Backbones {
    private Backbones() {
    }

    /**
     * Creates the named backbone.
     *
     * @throws IllegalArgumentException naming the available backbones if none has this name
     * @throws UncheckedIOException if the backbone's files cannot be read
     */
    public static Backbone byName(String name) {
        Map<String, BackboneProvider> all = providers();
        BackboneProvider p = all.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no backbone named '" + name + "' on the classpath; available: "
                    + all.keySet());
        }
        try {
            return p.create();
        } catch (IOException e) {
            throw new UncheckedIOException("backbone '" + name + "' could not be created: " + e.getMessage(), e);
        }
    }

    /** The available backbones by name, with their descriptions. */
    public static Map<String, String> available() {
        Map<String, String> out = new TreeMap<>();
        providers().forEach((k, v) -> out.put(k, v.description()));
        return out;
    }

    private static Map<String, BackboneProvider> providers() {
        Map<String, BackboneProvider> out = new TreeMap<>();
        for (BackboneProvider p : ServiceLoader.load(BackboneProvider.class)) {
            out.putIfAbsent(p.name(), p);
        }
        return out;
    }
}
