package org.interchange.listener;

import java.io.Serializable;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import org.interchange.container.config.IpAddresses;
import org.interchange.container.config.Transport;
import org.interchange.container.dns.SipDns;
import org.interchange.container.dns.SipHop;
import org.interchange.container.dns.SipTarget;
import org.interchange.core.sip.NameAddress;
import org.interchange.core.sip.SipUri;

/**
 * Where a request is sent: the first Route, else the Request-URI (RFC 3261 16.6 step 7), with the transport and port
 * of RFC 3263 4.1 and 4.2 for a URI that names them or a numeric host: the {@code transport} parameter (TLS for a
 * sips URI that says tcp, RFC 5630), else TLS for sips and UDP for sip; the URI's port, else 5061 for TLS and 5060 otherwise.
 *
 * @param transport the transport to the next hop
 * @param host      its host (IPv6 without brackets)
 * @param port      its port
 */
public record NextHop(Transport transport, String host, int port) implements Serializable {

    /** The next hop of a request with that Request-URI and those Route header field values. */
    public static NextHop of(String requestUri, List<String> routes) {
        return of(uriOf(requestUri, routes));
    }

    /** The URI a request is sent to: its first Route, else its Request-URI. */
    public static SipUri uriOf(String requestUri, List<String> routes) {
        return routes.isEmpty() ? SipUri.parse(requestUri) : NameAddress.parse(routes.get(0)).sipUri();
    }

    /** What RFC 3263 resolves for a SIP URI: its host, and the port and transport it names. */
    public static SipTarget target(SipUri uri) {
        return new SipTarget(uri.host(), uri.port(),
                uri.transport().map(Transport::parse), "sips".equals(uri.scheme()));
    }

    /** The next hop RFC 3263 found: the server's address, port and transport. */
    public static NextHop of(SipHop server) {
        return new NextHop(server.transport(), IpAddresses.text(server.address()), server.port());
    }

    /** The next hop named by a SIP URI. */
    public static NextHop of(SipUri uri) {
        boolean sips = "sips".equals(uri.scheme());
        // RFC 5630 3.1.3: a SIPS URI with transport=tcp means TLS over TCP
        Transport transport = uri.transport().map(Transport::parse)
                .map(named -> sips && named == Transport.TCP ? Transport.TLS : named)
                .orElse(sips ? Transport.TLS : Transport.UDP);
        return new NextHop(transport, uri.host(), uri.port().orElse(transport == Transport.TLS ? 5061 : 5060));
    }

    /**
     * The host's address: a literal as is, a name as the router's resolver answers (its first A, else AAAA, record,
     * from the cache or waiting at most {@code dns.budget}). Empty when the name does not resolve in time.
     */
    public Optional<InetAddress> address() {
        Optional<InetAddress> literal = IpAddresses.parseLiteral(host);
        if (literal.isPresent()) {
            return literal;
        }
        try {
            return SipDns.shared().addresses(host).join().stream().findFirst();
        } catch (CompletionException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return transport.token() + ":" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
