package org.interchange.tracing;

/** A trace that cannot be started as asked; the message says why and what would do. */
public class InvalidTraceException extends IllegalArgumentException {

    public InvalidTraceException(String message) {
        super(message);
    }
}
