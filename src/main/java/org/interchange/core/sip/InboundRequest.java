package org.interchange.core.sip;

import java.util.Optional;

/**
 * A SIP request as the router's beans see it: read from the container's message by a servlet.
 *
 * @param method     the method, as received (case-sensitive, RFC 3261 7.1)
 * @param requestUri the Request-URI as received
 * @param headers    the header fields
 * @param source     where the request came from (the packet's source, not the Via)
 * @param arrival    the local socket (listener) it arrived on
 * @param initial    whether it is an initial request (outside any dialog the container knows)
 */
public record InboundRequest(String method, String requestUri, SipHeaders headers, Endpoint source,
                             Endpoint arrival, boolean initial) {

    /** The To header field. */
    public NameAddress to() {
        return NameAddress.parse(required("To"));
    }

    /** The From header field. */
    public NameAddress from() {
        return NameAddress.parse(required("From"));
    }

    /** The Call-ID. */
    public String callId() {
        return required("Call-ID");
    }

    /** The CSeq sequence number. */
    public long cseq() {
        String cseq = required("CSeq").trim();
        int space = cseq.indexOf(' ');
        try {
            return Long.parseLong(space < 0 ? cseq : cseq.substring(0, space));
        } catch (NumberFormatException e) {
            throw new SipSyntaxException("bad CSeq " + cseq);
        }
    }

    /** A header field that RFC 3261 requires in every request. */
    public String required(String name) {
        return headers.first(name).orElseThrow(() -> new SipSyntaxException("missing " + name));
    }

    /** The User-Agent header field, if any. */
    public Optional<String> userAgent() {
        return headers.first("User-Agent");
    }
}
