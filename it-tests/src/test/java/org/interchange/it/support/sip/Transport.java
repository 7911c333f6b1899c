package org.interchange.it.support.sip;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;

/**
 * A transport the test agent speaks. Each constant opens its own kind of {@link Channel}; WebSocket would be added
 * as a further constant with its channel, the agent above them does not change.
 */
public enum Transport {
    UDP {
        @Override
        Channel open(InetSocketAddress local, Consumer<RawMessage> inbound, Optional<SSLContext> tls)
                throws IOException {
            return new UdpChannel(local, inbound);
        }
    },
    TCP {
        @Override
        Channel open(InetSocketAddress local, Consumer<RawMessage> inbound, Optional<SSLContext> tls)
                throws IOException {
            return new TcpChannel(local, inbound);
        }
    },
    TLS {
        @Override
        Channel open(InetSocketAddress local, Consumer<RawMessage> inbound, Optional<SSLContext> tls)
                throws IOException {
            return new TlsChannel(local, inbound, tls.orElseThrow(() -> new IllegalStateException(
                    "a TLS agent needs a key and the certificates it trusts: open it with Router#agent")));
        }
    };

    /**
     * Binds a channel to {@code local} that hands every message it receives to {@code inbound}, on a thread of
     * its own.
     *
     * @param tls the agent's key and the certificates it trusts, for TLS; ignored by the others
     * @throws java.net.BindException when the address is in use
     */
    abstract Channel open(InetSocketAddress local, Consumer<RawMessage> inbound, Optional<SSLContext> tls)
            throws IOException;

    /** The name in a Via header field: {@code UDP}, {@code TCP}, {@code TLS}. */
    public String viaName() {
        return name();
    }

    /** The value of a URI's {@code transport} parameter: {@code udp}, {@code tcp}, {@code tls}. */
    public String uriParameter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
