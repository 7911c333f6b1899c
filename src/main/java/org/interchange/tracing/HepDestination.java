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

    @Override
    public String toString() {
        return transport.name().toLowerCase(Locale.ROOT) + ":" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host)
                + ":" + port;
    }
}
