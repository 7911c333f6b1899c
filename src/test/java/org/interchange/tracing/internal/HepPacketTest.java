package org.interchange.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.interchange.tracing.TracedMessage;
import org.junit.jupiter.api.Test;

/** The packets against the layout of HEP3 (sipcapture's HEP3 rev. 12), read back octet by octet. */
class HepPacketTest {

    private static final String INVITE = "INVITE sip:bob@example.com SIP/2.0\r\nCall-ID: abc@host\r\n\r\n";

    @Test
    void anIpv4MessageOverUdpCarriesEveryChunkInNetworkByteOrder() throws Exception {
        TracedMessage message = message("198.51.100.7", 5062, "127.0.0.1", 5060, "UDP");

        byte[] packet = HepPacket.encode(message, 2001, Optional.of("secret"));

        ByteBuffer buffer = ByteBuffer.wrap(packet);
        assertThat(new String(packet, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("HEP3");
        assertThat(Short.toUnsignedInt(buffer.getShort(4))).isEqualTo(packet.length);
        Map<Integer, byte[]> chunks = chunks(packet);
        assertThat(chunks.keySet()).containsExactly(0x01, 0x02, 0x03, 0x04, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0e,
                0x0f, 0x11);
        assertThat(chunks.get(0x01)).containsExactly(2);
        assertThat(chunks.get(0x02)).containsExactly(17);
        assertThat(chunks.get(0x03)).containsExactly(InetAddress.getByName("198.51.100.7").getAddress());
        assertThat(chunks.get(0x04)).containsExactly(127, 0, 0, 1);
        assertThat(chunks.get(0x07)).containsExactly(0x13, 0xc6);
        assertThat(chunks.get(0x08)).containsExactly(0x13, 0xc4);
        assertThat(ByteBuffer.wrap(chunks.get(0x09)).getInt()).isEqualTo(1_767_225_600);
        assertThat(ByteBuffer.wrap(chunks.get(0x0a)).getInt()).isEqualTo(123_456);
        assertThat(chunks.get(0x0b)).containsExactly(1);
        assertThat(ByteBuffer.wrap(chunks.get(0x0c)).getInt()).isEqualTo(2001);
        assertThat(new String(chunks.get(0x0e), StandardCharsets.UTF_8)).isEqualTo("secret");
        assertThat(new String(chunks.get(0x0f), StandardCharsets.UTF_8)).isEqualTo(INVITE);
        assertThat(new String(chunks.get(0x11), StandardCharsets.UTF_8)).isEqualTo("abc@host");
    }

    @Test
    void anIpv6MessageOverTcpUsesTheIpv6ChunksAndNoPasswordWhenNoneIsSet() throws Exception {
        TracedMessage message = message("2001:db8::7", 5060, "::1", 5070, "TLS");

        Map<Integer, byte[]> chunks = chunks(HepPacket.encode(message, 1, Optional.empty()));

        assertThat(chunks).doesNotContainKeys(0x03, 0x04, 0x0e);
        assertThat(chunks.get(0x01)).containsExactly(10);
        assertThat(chunks.get(0x02)).containsExactly(6);
        assertThat(chunks.get(0x05)).containsExactly(InetAddress.getByName("2001:db8::7").getAddress());
        assertThat(chunks.get(0x06)).containsExactly(InetAddress.getByName("::1").getAddress());
    }

    @Test
    void aMessageTooLargeForHepIsRefused() {
        TracedMessage message = message("127.0.0.1", 5060, "127.0.0.1", 5070, "TCP");
        TracedMessage huge = new TracedMessage(message.time(), true, "TCP", message.source(), message.destination(),
                "MESSAGE", 0, "", "abc@host", "", "x".repeat(70_000));

        assertThatThrownBy(() -> HepPacket.encode(huge, 1, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65535");
    }

    private static TracedMessage message(String source, int sourcePort, String destination, int destinationPort,
                                         String transport) {
        return new TracedMessage(Instant.parse("2026-01-01T00:00:00.123456Z"), false, transport,
                new InetSocketAddress(source, sourcePort), new InetSocketAddress(destination, destinationPort),
                "INVITE", 0, "", "abc@host", "1928301774", INVITE);
    }

    /** The chunks by type, in order; each must be of vendor 0 and the lengths must add up to the packet's. */
    private static Map<Integer, byte[]> chunks(byte[] packet) {
        ByteBuffer buffer = ByteBuffer.wrap(packet);
        buffer.position(6);
        Map<Integer, byte[]> chunks = new LinkedHashMap<>();
        while (buffer.hasRemaining()) {
            assertThat(buffer.getShort()).as("vendor").isZero();
            int type = Short.toUnsignedInt(buffer.getShort());
            int length = Short.toUnsignedInt(buffer.getShort());
            byte[] value = new byte[length - 6];
            buffer.get(value);
            chunks.put(type, value);
        }
        return chunks;
    }
}
