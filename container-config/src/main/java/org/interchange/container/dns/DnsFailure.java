package org.interchange.container.dns;

import java.time.Duration;

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
    private final Duration retryAfter;

    /** A failure remembered for {@code retryAfter}: asking again sooner gets the same answer from the cache. */
    public DnsFailure(Kind kind, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** When asking again may give another answer (a 503's Retry-After). */
    public Duration retryAfter() {
        return retryAfter;
    }
}
