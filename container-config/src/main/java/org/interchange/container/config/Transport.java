package org.interchange.container.config;

import java.util.Locale;

/** A SIP transport a listener can serve. */
public enum Transport {
    UDP, TCP, TLS;

    /** {@code udp}, {@code tcp} or {@code tls}, as in a socket definition and in MSS's connector attribute. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a transport name, ignoring case. */
    public static Transport parse(String text) {
        for (Transport transport : values()) {
            if (transport.name().equalsIgnoreCase(text)) {
                return transport;
            }
        }
        throw new IllegalArgumentException("unknown transport '" + text + "'; expected udp, tcp or tls");
    }

    /** Whether messages travel over a connection (TCP, TLS) rather than datagrams. */
    public boolean isReliable() {
        return this != UDP;
    }
}
