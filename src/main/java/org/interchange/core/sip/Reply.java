package org.interchange.core.sip;

import java.util.ArrayList;
import java.util.List;

/**
 * A response a bean decided to send: status, reason phrase and extra header fields, in order.
 *
 * @param status  100..699
 * @param reason  the reason phrase; empty for the container's default
 * @param headers header fields to add, in order
 */
public record Reply(int status, String reason, List<SipHeader> headers) {

    public Reply {
        if (status < 100 || status > 699) {
            throw new IllegalArgumentException("status " + status);
        }
        headers = List.copyOf(headers);
    }

    public static Reply of(int status, String reason) {
        return new Reply(status, reason, List.of());
    }

    /** This reply with one more header field. */
    public Reply with(String name, String value) {
        List<SipHeader> more = new ArrayList<>(headers);
        more.add(new SipHeader(name, value));
        return new Reply(status, reason, more);
    }

    /** This reply with more header fields. */
    public Reply with(List<SipHeader> extra) {
        List<SipHeader> more = new ArrayList<>(headers);
        more.addAll(extra);
        return new Reply(status, reason, more);
    }

    /** One header field. */
    public record SipHeader(String name, String value) implements java.io.Serializable {
    }
}
