package org.interchange.permissions;

/**
 * A row of the address table that cannot be: an address that is not an IP literal, a mask too long for its family,
 * a port out of 0..65535, an unknown transport, a pattern that does not compile, a value longer than its column.
 * The message says which field and why, in words an operator can act on (the admin API answers 400 with it).
 */
public class InvalidAddressException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidAddressException(String message) {
        super(message);
    }
}
