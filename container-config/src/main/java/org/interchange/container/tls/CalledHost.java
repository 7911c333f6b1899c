package org.interchange.container.tls;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import javax.sip.address.SipURI;
import javax.sip.address.URI;

import gov.nist.javax.sip.header.Route;
import gov.nist.javax.sip.header.RouteList;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;

/**
 * The host a request calls while the stack sends it, for the TLS connection the send may open: the host of its top
 * Route, or of its Request-URI without one (RFC 3263 4: the domain name resolved, not the address it resolved to;
 * RFC 5922 7.2 checks the server's certificate against it).
 *
 * <p>The stack opens a connection and runs its handshake in the thread that sends the message, so the host is held
 * for that thread, during that send only. A response, or a request without a SIP URI to name a host, calls none.
 */
public final class CalledHost {

    /** What sends a message, the way the stack's channels do. */
    public interface Send {
        void run() throws IOException;
    }

    private static final ThreadLocal<String> HOST = new ThreadLocal<>();

    private CalledHost() {
    }

    /** Runs {@code send} with the host {@code message} calls, if any, as the {@link #current()} one. */
    public static void during(SIPMessage message, Send send) throws IOException {
        String outer = HOST.get();
        Optional<String> host = of(message);
        if (host.isPresent()) {
            HOST.set(host.get());
        }
        try {
            send.run();
        } finally {
            if (outer == null) {
                HOST.remove();
            } else {
                HOST.set(outer);
            }
        }
    }

    /** The host called by the message this thread is sending. */
    static Optional<String> current() {
        return Optional.ofNullable(HOST.get());
    }

    /** The host a request calls: its top Route's, or its Request-URI's; lower case, IPv6 without brackets. */
    static Optional<String> of(SIPMessage message) {
        if (!(message instanceof SIPRequest request)) {
            return Optional.empty();
        }
        RouteList routes = request.getRouteHeaders();
        URI target = routes != null && !routes.isEmpty()
                ? ((Route) routes.getFirst()).getAddress().getURI() : request.getRequestURI();
        if (!(target instanceof SipURI sipUri) || sipUri.getHost() == null) {
            return Optional.empty();
        }
        String host = sipUri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return Optional.of(host.toLowerCase(Locale.ROOT));
    }
}
