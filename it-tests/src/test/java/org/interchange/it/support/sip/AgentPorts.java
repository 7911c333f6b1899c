package org.interchange.it.support.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;

/**
 * The local ports test agents bind: {@code -Dinterchange.it.agent-ports=first-last}, by default 17000-17999, away
 * from the router's ports and from a router a developer runs on 5060. Handed out in turn, skipping ports in use.
 * The top of the range is also where a test's own servers listen ({@link #fromTop}): agents reach it last.
 */
public final class AgentPorts {

    private static final String PROPERTY = "interchange.it.agent-ports";
    private static final int FIRST;
    private static final int LAST;
    private static final AtomicInteger turn = new AtomicInteger();

    static {
        String[] range = System.getProperty(PROPERTY, "17000-17999").split("-");
        FIRST = Integer.parseInt(range[0].trim());
        LAST = Integer.parseInt(range[1].trim());
        if (FIRST < 1024 || LAST > 65535 || LAST < FIRST) {
            throw new IllegalArgumentException(PROPERTY + " must be a range first-last within 1024-65535");
        }
    }

    private AgentPorts() {
    }

    /**
     * The next port of the range that is free on IPv4 loopback now, for a program a test starts that listens on a
     * port it is told (chromedriver); it may be taken before that program binds it, which the program then reports.
     */
    public static int freeTcpPort() {
        return firstFree("TCP", InetAddress.getLoopbackAddress(), port -> {
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            }
        });
    }

    /**
     * A port for a server of a test's own (a webhook receiver, a broker): {@code 0} is the range's last port,
     * {@code 1} the one below it. Written {@code {agent-port:last}}, {@code {agent-port:last-1}} in a container's
     * settings (arquillian.xml).
     */
    public static int fromTop(int below) {
        if (below < 0 || below >= LAST - FIRST) {
            throw new IllegalArgumentException("no port " + below + " below the top of " + FIRST + "-" + LAST);
        }
        return LAST - below;
    }

    /** A channel on the next free port of the range; {@code tls} is the key and trust of a TLS channel. */
    static Channel bind(Transport transport, InetAddress address, Optional<SSLContext> tls,
                        Consumer<RawMessage> inbound) {
        return firstFree(transport.toString(), address,
                port -> transport.open(new InetSocketAddress(address, port), inbound, tls));
    }

    private interface PortUse<T> {
        T on(int port) throws IOException;
    }

    private static <T> T firstFree(String transport, InetAddress address, PortUse<T> use) {
        int size = LAST - FIRST + 1;
        for (int attempt = 0; attempt < size; attempt++) {
            int port = FIRST + Math.floorMod(turn.getAndIncrement(), size);
            try {
                return use.on(port);
            } catch (BindException e) {
                // in use: try the next one
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open " + transport + " on " + address + ":" + port, e);
            }
        }
        throw new IllegalStateException("no free " + transport + " port in " + FIRST + "-" + LAST + " on " + address);
    }
}
