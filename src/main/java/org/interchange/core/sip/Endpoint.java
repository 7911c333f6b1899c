package org.interchange.core.sip;

import java.io.Serializable;

import org.interchange.container.config.HostPort;
import org.interchange.container.config.Transport;

/**
 * One end of a SIP hop: transport, IP address and port, written {@code udp:198.51.100.7:5060} or
 * {@code tcp:[2001:db8::7]:5061} as OpenSIPS writes sockets. Used for where a request came from and which
 * listener it arrived on.
 */
public record Endpoint(Transport transport, String address, int port) implements Serializable {

    public Endpoint {
        if (address.startsWith("[")) {
            address = address.substring(1, address.length() - 1);
        }
    }

    /** Parses {@code udp:198.51.100.7:5060}. */
    public static Endpoint parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("'" + text + "' is not transport:address:port");
        }
        HostPort hostPort = HostPort.parse(text.substring(colon + 1));
        return new Endpoint(Transport.parse(text.substring(0, colon)), hostPort.host(),
                hostPort.port().orElseThrow(() -> new IllegalArgumentException("'" + text + "' has no port")));
    }

    /** The address as it appears in a URI: IPv6 in brackets. */
    public String uriHost() {
        return address.indexOf(':') >= 0 ? "[" + address + "]" : address;
    }

    @Override
    public String toString() {
        return transport.token() + ":" + uriHost() + ":" + port;
    }
}
