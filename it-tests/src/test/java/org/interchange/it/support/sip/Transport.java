package org.interchange.it.support.sip;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A transport the test agent speaks. Each constant opens its own kind of {@link Channel}; TLS (and WebSocket) are
 * added as further constants with their channel, the agent above them does not change.
 */
public enum Transport {
    UDP {
        @Override
        Channel open(InetSocketAddress local, Consumer<RawMessage> inbound) throws IOException {
            return new UdpChannel(local, inbound);
        }
    },
    TCP {
        @Override
        Channel open(InetSocketAddress local, Consumer<RawMessage> inbound) throws IOException {
            return new TcpChannel(local, inbound);
        }
    };

    /**
     * Binds a channel to {@code local} that hands every message it receives to {@code inbound}, on a thread of
     * its own.
     *
     * @throws java.net.BindException when the address is in use
     */
    abstract Channel open(InetSocketAddress local, Consumer<RawMessage> inbound) throws IOException;

    /** The name in a Via header field: {@code UDP}, {@code TCP}. */
    public String viaName() {
        return name();
    }

    /** The value of a URI's {@code transport} parameter: {@code udp}, {@code tcp}. */
    public String uriParameter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
