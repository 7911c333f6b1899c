package org.interchange.core.persistence;

/**
 * A value the database refuses (SQLState class 22): longer than its column, out of range, badly encoded. The
 * request that carried it is at fault, not the database: SIP answers 400, the admin API 400.
 */
public class InvalidDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
