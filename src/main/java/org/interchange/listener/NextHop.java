package org.interchange.listener;

import java.io.Serializable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import org.interchange.container.config.IpAddresses;
import org.interchange.container.config.Transport;
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
        SipUri uri = routes.isEmpty() ? SipUri.parse(requestUri) : NameAddress.parse(routes.get(0)).sipUri();
        return of(uri);
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
     * The host's address: a literal as is, a name as the resolver answers (the JVM caches the answer). Empty when the
     * name does not resolve.
     */
    public Optional<InetAddress> address() {
        Optional<InetAddress> literal = IpAddresses.parseLiteral(host);
        if (literal.isPresent()) {
            return literal;
        }
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return transport.token() + ":" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
