package org.interchange.core.persistence;

/**
 * A value the database refuses (SQLState class 22) or would refuse: longer than its column, out of range, badly
 * encoded. The request that carried it is at fault, not the database: SIP answers 400 with the message as its
 * reason, so the message is short, one line, and names the field (the database's own words are in the cause).
 */
public class InvalidDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
