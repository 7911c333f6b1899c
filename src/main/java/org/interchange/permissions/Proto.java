package org.interchange.permissions;

import java.util.Locale;

import org.interchange.container.config.Transport;

/**
 * The {@code proto} column of the address table: the transport a row is for. The values are OpenSIPS's; the router
 * receives only UDP, TCP and TLS, so rows for SCTP, WS or WSS are kept but match only a check for {@link #ANY}.
 */
public enum Proto {
    /** In a row: every transport. In a check: rows of every transport. */
    ANY,
    UDP, TCP, TLS, SCTP, WS, WSS,
    /** A disabled row: listed, never matched (OpenSIPS leaves such rows out at load). */
    NONE;

    /** The column's spelling: {@code any}, {@code udp}... */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the column's value, ignoring case; empty is {@link #ANY}, as in OpenSIPS.
     *
     * @throws InvalidAddressException for anything else
     */
    public static Proto parse(String text) {
        if (text.isEmpty()) {
            return ANY;
        }
        for (Proto proto : values()) {
            if (proto.name().equalsIgnoreCase(text)) {
                return proto;
            }
        }
        throw new InvalidAddressException("proto '" + text + "' is not a transport; expected any, udp, tcp, tls, "
                + "sctp, ws, wss or none");
    }

    /** The value for a transport a request arrived on. */
    public static Proto of(Transport transport) {
        return switch (transport) {
            case UDP -> UDP;
            case TCP -> TCP;
            case TLS -> TLS;
        };
    }
}
