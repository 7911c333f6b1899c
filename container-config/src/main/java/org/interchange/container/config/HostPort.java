package org.interchange.container.config;

import java.util.OptionalInt;

/**
 * A host (name, IPv4 or IPv6 address) with an optional port, as written in SIP and in the configuration:
 * {@code example.com}, {@code 198.51.100.4:5060}, {@code [2001:db8::1]:5061}. The host of an IPv6 address is kept
 * without brackets; {@link #toString()} puts them back.
 */
public record HostPort(String host, OptionalInt port) {

    public HostPort {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port.isPresent() && (port.getAsInt() < 1 || port.getAsInt() > 65535)) {
            throw new IllegalArgumentException("port " + port.getAsInt() + " is not in 1..65535");
        }
    }

    /** Parses {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}. */
    public static HostPort parse(String text) {
        String trimmed = text.trim();
        String host;
        String rest;
        if (trimmed.startsWith("[")) {
            int close = trimmed.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + text + "' opens '[' without closing it");
            }
            host = trimmed.substring(1, close);
            rest = trimmed.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw new IllegalArgumentException("'" + text + "' has text after ']' that is not ':port'");
            }
        } else {
            int colon = trimmed.indexOf(':');
            if (colon >= 0 && trimmed.indexOf(':', colon + 1) >= 0) {
                throw new IllegalArgumentException("'" + text + "': write an IPv6 address in brackets, as [" + trimmed + "]");
            }
            host = colon < 0 ? trimmed : trimmed.substring(0, colon);
            rest = colon < 0 ? "" : trimmed.substring(colon);
        }
        if (rest.isEmpty()) {
            return new HostPort(host, OptionalInt.empty());
        }
        try {
            return new HostPort(host, OptionalInt.of(Integer.parseInt(rest.substring(1))));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': the port is not a number");
        }
    }

    /** Whether the host is an IPv6 address. */
    public boolean isIpv6() {
        return host.indexOf(':') >= 0;
    }

    /** The host as it appears in a SIP URI: IPv6 addresses in brackets. */
    public String uriHost() {
        return isIpv6() ? "[" + host + "]" : host;
    }

    @Override
    public String toString() {
        return port.isPresent() ? uriHost() + ":" + port.getAsInt() : uriHost();
    }
}
