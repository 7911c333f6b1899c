package org.interchange.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.sip.IpFamily;
import org.interchange.it.support.sip.Received;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.Transport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Peers that open TCP or TLS connections and then idle, write a message a byte at a time (slowloris), never
 * finish a TLS handshake or open more connections than their share cannot take the router down: it keeps
 * answering others, and closes what idles or dawdles. OpenSIPS bounds the same with {@code tcp_max_connections} and
 * {@code tcp_connection_lifetime}. The router {@code connection-limits} has 100 connections per source, idle timeout
 * 5 s, read timeout 3 s, handshake timeout 2 s; a connection it refuses or closes reads end-of-stream (or a reset).
 */
@ExtendWith(ArquillianExtension.class)
class ConnectionLimitsIT {

    /** Beyond the longest timeout of the router, with room for a loaded machine. */
    private static final Duration CLOSED_WITHIN = Duration.ofSeconds(60);
    private static final int IDLE_CONNECTIONS = 1000;
    private static final int PER_SOURCE = 100;

    @Deployment(testable = false)
    @TargetsContainer("connection-limits")
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    @Test
    void aThousandIdleConnectionsAndASlowWriterLeaveTheRouterAnsweringAndAreClosed() throws Exception {
        try (RawConnections connections = new RawConnections(router.sipAddress(Transport.TCP))) {
            List<Socket> idle = new ArrayList<>();
            for (int i = 0; i < IDLE_CONNECTIONS; i++) {
                idle.add(connections.open("127.0.0." + (10 + i / PER_SOURCE)));
            }
            Socket slow = connections.open("127.0.0.20");
            byte[] request = connections.options(slow);
            AtomicInteger written = new AtomicInteger();
            ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
            try {
                writer.scheduleAtFixedRate(() -> writeNext(slow, request, written), 0, 1, TimeUnit.SECONDS);

                try (SipAgent probe = router.agent(Transport.UDP)) {
                    Received ok = probe.send(probe.request("OPTIONS", router.uri(Transport.UDP,
                            IpFamily.IPV4))).awaitFinalResponse();
                    assertThat(ok.status()).as("OPTIONS over UDP").isEqualTo(200);
                }
                assertThat(connections.statusOfOptions(connections.open("127.0.0.21")))
                        .as("OPTIONS over a new TCP connection").isEqualTo("SIP/2.0 200");

                for (Socket socket : idle) {
                    assertThat(RawConnections.closedByRouter(socket, CLOSED_WITHIN))
                            .as("idle connection from %s closed by the router", socket.getLocalSocketAddress())
                            .isTrue();
                }
                assertThat(RawConnections.closedByRouter(slow, CLOSED_WITHIN)).as("slow writer closed").isTrue();
                assertThat(written.get()).as("bytes of its OPTIONS the slow writer could send")
                        .isLessThan(request.length);
            } finally {
                writer.shutdownNow();
            }
        }
    }

    @Test
    void connectionsBeyondTheShareOfTheirSourceAreClosedAtOnceWhileAnotherSourceGetsIn() throws Exception {
        try (RawConnections connections = new RawConnections(router.sipAddress(Transport.TCP))) {
            List<Socket> admitted = new ArrayList<>();
            for (int i = 0; i < PER_SOURCE; i++) {
                admitted.add(connections.open("127.0.0.30"));
            }

            Socket beyond = connections.open("127.0.0.30");

            assertThat(connections.statusOfOptions(beyond)).as("the connection beyond the limit is closed").isEmpty();
            assertThat(connections.statusOfOptions(admitted.get(0))).isEqualTo("SIP/2.0 200");
            assertThat(connections.statusOfOptions(admitted.get(PER_SOURCE - 1))).isEqualTo("SIP/2.0 200");
            assertThat(connections.statusOfOptions(connections.open("127.0.0.31")))
                    .as("another source gets in").isEqualTo("SIP/2.0 200");
        }
    }

    @Test
    void aTlsConnectionThatNeverHandshakesIsDropped() throws Exception {
        try (RawConnections connections = new RawConnections(router.sipAddress(Transport.TLS))) {
            Socket silent = connections.open("127.0.0.40");

            assertThat(RawConnections.closedByRouter(silent, CLOSED_WITHIN)).isTrue();
        }
    }

    private static void writeNext(Socket socket, byte[] request, AtomicInteger written) {
        int next = written.get();
        if (next >= request.length) {
            return;
        }
        try {
            socket.getOutputStream().write(request[next]);
            written.incrementAndGet();
        } catch (IOException closed) {
            throw new IllegalStateException("the router closed the slow writer's connection", closed); // ends it
        }
    }
}
