package org.affectiveprocesses.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A structured, versioned record of how something was configured: a type name, a version of
 * that type's field list, and named values that are text, integers, numbers, booleans or nested
 * configurations. It is how a model's {@link Provenance} stores the configuration that made it,
 * so that the configuration can be rebuilt exactly (for example {@link
 * TrainingConfig#fromConfiguration}); model files store it as a JSON object.
 *
 * <p>Only the owning type reads its configuration back, by its type name and version: nothing is
 * ever instantiated from the type name. Instances are immutable; values keep their insertion
 * order.
 *
 * @param type the configured type, e.g. {@code "TrainingConfig"}
 * @param version the version of the type's field list (&ge; 0)
 * @param values the named values (String, Long, Double, Boolean or Configuration)
 */
public record Configuration(String type, int version, Map<String, Object> values) {
    /** The type of a configuration that older files stored only as text (its value {@code "text"}). */
    public static final String TEXT_ONLY = "text-only";

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the type is blank, the version negative, a key blank or
     *     a value of another kind than String, Long, Double, Boolean or Configuration
     */
    public Configuration {
        Objects.requireNonNull(type, "type");
        if (type.isBlank()) {
            throw new IllegalArgumentException("a configuration needs a type name");
        }
        if (version < 0) {
            throw new IllegalArgumentException("configuration version must be >= 0, got " + version);
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : Objects.requireNonNull(values, "values").entrySet()) {
            String key = Objects.requireNonNull(e.getKey(), "key");
            Object v = e.getValue();
            if (key.isBlank()) {
                throw new IllegalArgumentException("a configuration value of " + type + " has a blank name");
            }
            if (!(v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean
                    || v instanceof Configuration)) {
                throw new IllegalArgumentException("value '" + key + "' of " + type + " is a "
                        + (v == null ? "null" : v.getClass().getSimpleName())
                        + "; allowed are String, Long, Double, Boolean and Configuration");
            }
            copy.put(key, v);
        }
        values = Collections.unmodifiableMap(copy);
    }

    /**
     * A configuration known only as text (model files of format 1 stored the training
     * configuration as its {@code toString()}).
     *
     * @param text the text
     * @return a configuration of type {@link #TEXT_ONLY}, version 0, with the value {@code "text"}
     */
    public static Configuration textOnly(String text) {
        return builder(TEXT_ONLY, 0).put("text", text).build();
    }

    /**
     * Starts a configuration.
     *
     * @param type the configured type
     * @param version the version of its field list
     * @return a builder
     */
    public static Builder builder(String type, int version) {
        return new Builder(type, version);
    }

    /**
     * Checks the type and version before reading, as the owning type does.
     *
     * @param expectedType the type the reader understands
     * @param maxVersion the newest version it reads
     * @return this
     * @throws IllegalArgumentException if the type differs or the version is newer
     */
    public Configuration require(String expectedType, int maxVersion) {
        if (!type.equals(expectedType)) {
            throw new IllegalArgumentException(TEXT_ONLY.equals(type)
                    ? "the configuration was stored as text only (an older model file), so it cannot be rebuilt: "
                            + values.get("text")
                    : "a " + type + " configuration is not a " + expectedType + " configuration");
        }
        if (version > maxVersion) {
            throw new IllegalArgumentException(type + " configuration version " + version
                    + " is newer than this SDK reads (" + maxVersion + ")");
        }
        return this;
    }

    /**
     * A text value.
     *
     * @param key the name
     * @return the value
     * @throws IllegalArgumentException naming the key if it is missing or not text
     */
    public String text(String key) {
        return value(key, String.class);
    }

    /**
     * An integer value.
     *
     * @param key the name
     * @return the value
     * @throws IllegalArgumentException naming the key if it is missing or not an integer
     */
    public long integer(String key) {
        return value(key, Long.class);
    }

    /**
     * An integer value that must fit an {@code int}.
     *
     * @param key the name
     * @return the value
     * @throws IllegalArgumentException naming the key if it is missing, not an integer or out of range
     */
    public int smallInteger(String key) {
        long v = integer(key);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("value '" + key + "' of " + type + " is out of range: " + v);
        }
        return (int) v;
    }

    /**
     * A number (an integer value is accepted too).
     *
     * @param key the name
     * @return the value
     * @throws IllegalArgumentException naming the key if it is missing or not a number
     */
    public double number(String key) {
        Object v = values.get(key);
        if (v instanceof Long l) {
            return l;
        }
        return value(key, Double.class);
    }

    /**
     * A boolean value.
     *
     * @param key the name
     * @return the value
     * @throws IllegalArgumentException naming the key if it is missing or not a boolean
     */
    public boolean bool(String key) {
        return value(key, Boolean.class);
    }

    /**
     * A nested configuration.
     *
     * @param key the name
     * @return the value
     * @throws IllegalArgumentException naming the key if it is missing or not a configuration
     */
    public Configuration child(String key) {
        return value(key, Configuration.class);
    }

    /**
     * An enumeration constant stored by name.
     *
     * @param key the name
     * @param type the enumeration
     * @param <E> the enumeration type
     * @return the constant
     * @throws IllegalArgumentException naming the key and the allowed names if it is missing or unknown
     */
    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        String name = text(key);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("value '" + key + "' of " + this.type + " is '" + name + "'; one of "
                + java.util.Arrays.toString(type.getEnumConstants()) + " was expected");
    }

    /**
     * Whether a value is present.
     *
     * @param key the name
     * @return true if present
     */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    private <T> T value(String key, Class<T> kind) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException(type + " configuration has no value '" + key + "'");
        }
        if (!kind.isInstance(v)) {
            throw new IllegalArgumentException("value '" + key + "' of " + type + " is " + v
                    + ", not a " + kind.getSimpleName());
        }
        return kind.cast(v);
    }

    /** Builds a {@link Configuration}. */
    public static final class Builder {
        private final String type;
        private final int version;
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder(String type, int version) {
            this.type = type;
            this.version = version;
        }

        /**
         * Adds a text value.
         *
         * @param key the name
         * @param value the text
         * @return this builder
         */
        public Builder put(String key, String value) {
            values.put(key, Objects.requireNonNull(value, key));
            return this;
        }

        /**
         * Adds an integer value.
         *
         * @param key the name
         * @param value the integer
         * @return this builder
         */
        public Builder put(String key, long value) {
            values.put(key, value);
            return this;
        }

        /**
         * Adds a number.
         *
         * @param key the name
         * @param value the number
         * @return this builder
         */
        public Builder put(String key, double value) {
            values.put(key, value);
            return this;
        }

        /**
         * Adds a boolean value.
         *
         * @param key the name
         * @param value the boolean
         * @return this builder
         */
        public Builder put(String key, boolean value) {
            values.put(key, value);
            return this;
        }

        /**
         * Adds a nested configuration.
         *
         * @param key the name
         * @param value the configuration
         * @return this builder
         */
        public Builder put(String key, Configuration value) {
            values.put(key, Objects.requireNonNull(value, key));
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         */
        public Configuration build() {
            return new Configuration(type, version, values);
        }
    }
}
