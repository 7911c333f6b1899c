package org.interchange.tracing;

import java.util.Locale;

import org.interchange.container.config.HostPort;

/**
 * A HEP collector: {@code udp:host:port} or {@code tcp:host:port} (OpenSIPS's {@code trace_id} URI
 * {@code hep:host:port;transport=tcp}).
 */
public record HepDestination(Transport transport, String host, int port) {

    /** How HEP packets reach the collector. */
    public enum Transport {
        /** One datagram a message, sent without waiting. */
        UDP,
        /** One connection, written with a timeout and reopened with backoff. */
        TCP
    }

    public HepDestination {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " out of 1..65535");
        }
    }

    /** @throws IllegalArgumentException saying what is expected */
    public static HepDestination parse(String text) {
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        String scheme = colon < 0 ? "" : trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("udp") && !scheme.equals("tcp")) {
            throw new IllegalArgumentException("'" + text + "': expected udp:<host>:<port> or tcp:<host>:<port>");
        }
        HostPort hostPort = HostPort.parse(trimmed.substring(colon + 1));
        if (hostPort.port().isEmpty()) {
            throw new IllegalArgumentException("'" + text + "': the collector's port is missing");
        }
        return new HepDestination(Transport.valueOf(scheme.toUpperCase(Locale.ROOT)), hostPort.host(),
                hostPort.port().getAsInt());
    }

    /** Where a collector listens when its URI names no port: HEP's usual port, as OpenSIPS's proto_hep assumes. */
    static final int DEFAULT_PORT = 9060;

    /**
     * OpenSIPS's HEP URI: {@code hep:<host>[:<port>][;transport=tcp|udp][;version=3]}, port 9060 and TCP unless
     * given, as OpenSIPS's {@code proto_hep} reads it; only version 3 is spoken.
     *
     * @throws IllegalArgumentException saying what is expected
     */
    public static HepDestination parseUri(String uri) {
        String trimmed = uri.trim();
        if (!trimmed.regionMatches(true, 0, "hep:", 0, 4)) {
            throw new IllegalArgumentException("'" + uri + "' is no hep:<host>:<port> URI");
        }
        String[] parts = trimmed.substring(4).split(";");
        Transport transport = Transport.TCP;
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
            if (parameter.equals("transport=udp") || parameter.equals("transport=tcp")) {
                transport = Transport.valueOf(parameter.substring(parameter.indexOf('=') + 1).toUpperCase(Locale.ROOT));
            } else if (!parameter.equals("version=3") && !parameter.isEmpty()) {
                throw new IllegalArgumentException("'" + uri + "': " + parts[i].trim() + " is not supported; expected "
                        + "transport=tcp, transport=udp or version=3");
            }
        }
        HostPort hostPort = HostPort.parse(parts[0]);
        return new HepDestination(transport, hostPort.host(), hostPort.port().orElse(DEFAULT_PORT));
    }

    @Override
    public String toString() {
        return transport.name().toLowerCase(Locale.ROOT) + ":" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host)
                + ":" + port;
    }
}
