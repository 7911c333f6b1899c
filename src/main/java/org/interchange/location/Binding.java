package org.interchange.location;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.interchange.core.sip.Aor;
import org.interchange.core.sip.Endpoint;

/**
 * One contact bound to an address-of-record (RFC 3261 10), with what the router learnt when it was registered.
 *
 * @param id           identifies the binding among those in memory: its row id in the location table when loaded at
 *                     start or written through; in write-behind mode, an id of memory's own for a binding made
 *                     since; 0 for a binding not stored yet
 * @param aor          the address-of-record
 * @param contact      the contact URI, as registered (without header parameters)
 * @param q            the q-value, 0..1 (1 when the contact gave none)
 * @param expires      when the binding expires
 * @param callId       the Call-ID of the REGISTER that last changed it
 * @param cseq         the CSeq number of that REGISTER
 * @param lastModified when it was last changed
 * @param received     where that REGISTER came from (transport, source address and port)
 * @param socket       the listener that REGISTER arrived on, through which the contact is reached
 * @param userAgent    the User-Agent of that REGISTER, empty if none
 * @param path         the Path header field values of that REGISTER (RFC 3327), outermost first
 */
public record Binding(long id, Aor aor, String contact, double q, Instant expires, String callId, long cseq,
                      Instant lastModified, Optional<Endpoint> received, Optional<Endpoint> socket, String userAgent,
                      List<String> path) {

    public Binding {
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("q-value " + q + " is not in 0..1");
        }
        path = List.copyOf(path);
    }

    /** Whether it has expired at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return !expires.isAfter(now);
    }

    /** Whole seconds left at {@code now}, at least 0. */
    public long secondsLeftAt(Instant now) {
        return Math.max(0, expires.getEpochSecond() - now.getEpochSecond());
    }

    /** This binding with the id the location store gave it. */
    public Binding withId(long newId) {
        return new Binding(newId, aor, contact, q, expires, callId, cseq, lastModified, received, socket, userAgent,
                path);
    }
}
