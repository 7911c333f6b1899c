package org.interchange.core.persistence;

/** The database could not be used: a connection failed or a statement failed for a reason other than the data. */
public class DatabaseUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
