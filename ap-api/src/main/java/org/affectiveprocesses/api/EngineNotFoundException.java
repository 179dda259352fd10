package org.affectiveprocesses.api;

/** No compute engine of the requested name is on the classpath. */
public class EngineNotFoundException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** @param message what was asked for and what is available */
    public EngineNotFoundException(String message) {
        super(message);
    }
}
