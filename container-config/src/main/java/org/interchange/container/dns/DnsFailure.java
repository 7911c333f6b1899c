package org.interchange.container.dns;

/** Why a target has no server: its name does not resolve, or DNS did not answer in time. */
public final class DnsFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, which decides the answer to the request: 404 or 503. */
    public enum Kind {
        /** The name does not exist, or has no record that leads to a SIP server. */
        NOT_FOUND,
        /** A server did not answer, answered with an error, or too many lookups are in flight. */
        UNAVAILABLE
    }

    private final Kind kind;

    public DnsFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
