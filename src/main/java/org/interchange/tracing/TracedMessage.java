package org.interchange.tracing;

import java.net.InetSocketAddress;
import java.time.Instant;

import org.interchange.container.config.IpAddresses;
import org.interchange.container.trace.TappedMessage;

/**
 * A traced message, as sent to HEP and kept in {@code sip_trace}.
 *
 * @param time        when the router sent or received it
 * @param sent        true for a message the router sent ({@code out}), false for one it received ({@code in})
 * @param transport   {@code UDP}, {@code TCP}, {@code TLS}, {@code WS}
 * @param source      where it came from
 * @param destination where it went
 * @param method      the request's method, or the method of a response's CSeq
 * @param status      a response's status code; 0 for a request
 * @param reason      a response's reason phrase; empty for a request
 * @param callId      its Call-ID
 * @param fromTag     its From tag
 * @param text        the message: start line, header fields and body
 */
public record TracedMessage(Instant time, boolean sent, String transport, InetSocketAddress source,
                            InetSocketAddress destination, String method, int status, String reason, String callId,
                            String fromTag, String text) {

    /** Copies what the tap shows, on the SIP stack's thread. */
    public static TracedMessage of(TappedMessage message) {
        return new TracedMessage(Instant.ofEpochMilli(message.timeMillis()), message.sent(), message.transport(),
                message.source(), message.destination(), message.method(), message.status(), message.reason(),
                message.callId(), message.fromTag(), message.text());
    }

    /** {@code in} or {@code out}, as {@code sip_trace.direction}. */
    public String direction() {
        return sent ? "out" : "in";
    }

    /** {@code 198.51.100.7:5060} or {@code [2001:db8::7]:5060}. */
    public static String text(InetSocketAddress address) {
        String host = address.getAddress() == null ? address.getHostString() : IpAddresses.text(address.getAddress());
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
