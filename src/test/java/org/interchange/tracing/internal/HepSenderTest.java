package org.interchange.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.interchange.core.TestClock;
import org.interchange.tracing.HepDestination;
import org.interchange.tracing.TracedMessage;
import org.junit.jupiter.api.Test;

/** HEP packets reach collectors over UDP and TCP; a TCP collector that went away is tried again after its backoff. */
class HepSenderTest {

    private static final TracedMessage MESSAGE = new TracedMessage(Instant.parse("2026-01-01T00:00:00Z"), true, "UDP",
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 5060),
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 5062), "OPTIONS", 0, "", "c@h", "1",
            "OPTIONS sip:h SIP/2.0\r\n\r\n");

    @Test
    void aDatagramCarriesOnePacket() throws Exception {
        try (DatagramSocket collector = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            collector.setSoTimeout(5000);
            HepSender sender = new HepSender(List.of(HepDestination.parse("udp:127.0.0.1:" + collector.getLocalPort())),
                    7, Optional.empty(), Clock.systemUTC());

            sender.send(List.of(MESSAGE));

            DatagramPacket datagram = new DatagramPacket(new byte[65_535], 65_535);
            collector.receive(datagram);
            assertThat(datagram.getLength()).isEqualTo(HepPacket.encode(MESSAGE, 7, Optional.empty()).length);
            assertThat(sender.dropped()).isZero();
            sender.close();
        }
    }

    @Test
    void aTcpCollectorThatWentAwayIsReconnectedAfterTheBackoffAndPacketsMeanwhileAreCounted() throws Exception {
        TestClock clock = TestClock.at("2026-01-01T00:00:00Z");
        try (ServerSocket collector = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = collector.getLocalPort();
            HepSender sender = new HepSender(List.of(HepDestination.parse("tcp:127.0.0.1:" + port)), 7,
                    Optional.of("pw"), clock);
            byte[] packet = HepPacket.encode(MESSAGE, 7, Optional.of("pw"));

            sender.send(List.of(MESSAGE));
            try (Socket first = collector.accept()) {
                first.setSoTimeout(5000);
                assertThat(new DataInputStream(first.getInputStream()).readNBytes(packet.length)).isEqualTo(packet);
            }
            collector.close();
            // the first write after the peer closed may still be taken by the kernel; one of these fails
            sender.send(List.of(MESSAGE, MESSAGE, MESSAGE));
            long dropped = sender.dropped();
            assertThat(dropped).isPositive();
            sender.send(List.of(MESSAGE));
            assertThat(sender.dropped()).as("within the backoff nothing is tried").isEqualTo(dropped + 1);

            try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                clock.advanceSeconds(HepSender.LAST_BACKOFF.toSeconds());
                sender.send(List.of(MESSAGE));
                try (Socket second = again.accept()) {
                    second.setSoTimeout(5000);
                    assertThat(new DataInputStream(second.getInputStream()).readNBytes(packet.length))
                            .isEqualTo(packet);
                }
                assertThat(sender.dropped()).isEqualTo(dropped + 1);
            }
            sender.close();
        }
    }
}
