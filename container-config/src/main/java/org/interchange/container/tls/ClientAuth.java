package org.interchange.container.tls;

import java.util.Locale;

/**
 * Whether a TLS listener asks the peers that connect to it for a certificate the truststore trusts
 * ({@code tls.verify-client}; OpenSIPS's {@code verify_cert}/{@code require_cert}, Kamailio's
 * {@code verify_certificate}/{@code require_certificate}).
 */
public enum ClientAuth {
    /** Asks for none: the usual for phones, which rarely have one. */
    OFF("Disabled"),
    /** Asks, and accepts a peer that sends none; one that sends a certificate the truststore does not trust fails. */
    WANT("Want"),
    /** Refuses a peer without a certificate that the truststore trusts (mutual TLS, for trunks). */
    NEED("Enabled");

    private final String stackValue;

    ClientAuth(String stackValue) {
        this.stackValue = stackValue;
    }

    /**
     * The value of JAIN-SIP's {@code gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE}. Its own default ({@code Default})
     * requires a certificate from every peer: the incoming connection asks for one whatever the server socket says.
     */
    String stackValue() {
        return stackValue;
    }

    /** {@code off}, {@code want} or {@code need}, ignoring case. */
    static ClientAuth parse(String text) {
        for (ClientAuth value : values()) {
            if (value.name().equalsIgnoreCase(text.trim())) {
                return value;
            }
        }
        throw new IllegalArgumentException("expected off, want or need");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
