package org.interchange.core.persistence;

/** A write that the data forbids, such as a second row with the same unique key. */
public class DataConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
