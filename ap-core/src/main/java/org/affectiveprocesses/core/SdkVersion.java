package org.affectiveprocesses.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The SDK's version, recorded in the provenance of every trained model. */
public final class SdkVersion {
    private static final String VERSION = load();

    private SdkVersion() {
    }

    /** The version, e.g. {@code "0.1.0-SNAPSHOT"}. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = SdkVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the ap-core jar");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
