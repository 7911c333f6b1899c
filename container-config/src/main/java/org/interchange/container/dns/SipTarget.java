package org.interchange.container.dns;

import java.util.Optional;
import java.util.OptionalInt;

import org.interchange.container.config.Transport;

/**
 * What RFC 3263 resolves: the host of the URI a request is sent to (its first Route, else its Request-URI), with the
 * port and transport it names, if any.
 *
 * @param host      a name or an IP address (IPv6 without brackets)
 * @param port      the URI's port
 * @param transport its {@code transport} parameter (TLS for a sips URI that says tcp, RFC 5630)
 * @param secure    whether it is a sips URI
 */
public record SipTarget(String host, OptionalInt port, Optional<Transport> transport, boolean secure) {

    public SipTarget {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("empty host");
        }
        transport = transport.map(named -> secure && named == Transport.TCP ? Transport.TLS : named);
    }

    /** The transport when the URI names none and DNS chooses none: TLS for sips, UDP otherwise (RFC 3263 4.1). */
    public Transport defaultTransport() {
        return transport.orElse(secure ? Transport.TLS : Transport.UDP);
    }

    /** The port when the URI names none and SRV gives none (RFC 3263 4.2). */
    public int defaultPort(Transport chosen) {
        return port.orElse(chosen == Transport.TLS ? 5061 : 5060);
    }
}
