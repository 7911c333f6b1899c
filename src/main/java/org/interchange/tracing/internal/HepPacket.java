package org.interchange.tracing.internal;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.interchange.tracing.TracedMessage;

/**
 * HEP version 3 (the Homer Encapsulation Protocol, sipcapture's HEP3 rev. 12): a packet is {@code HEP3}, its total
 * length (2 octets), then chunks, each a vendor id (2 octets, 0 for the generic chunks), a type (2), its total length
 * (2, its 6 header octets included) and its value; every number in network byte order. The generic chunks written:
 * <pre>
 * 0x0001 IP family (1 octet: 2 IPv4, 10 IPv6)     0x0002 IP protocol (1 octet: 17 UDP, 6 TCP, 132 SCTP)
 * 0x0003 IPv4 source, 0x0004 IPv4 destination     0x0005 IPv6 source, 0x0006 IPv6 destination
 * 0x0007 source port (2 octets)                    0x0008 destination port (2 octets)
 * 0x0009 timestamp, seconds (4 octets)             0x000a timestamp, microseconds within the second (4 octets)
 * 0x000b protocol type (1 octet: 1 SIP)            0x000c capture agent id (4 octets)
 * 0x000e authentication key (the capture password, text; only when one is set)
 * 0x000f captured payload (the SIP message)        0x0011 correlation id (the Call-ID, text)
 * </pre>
 */
public final class HepPacket {

    static final int FAMILY = 0x01;
    static final int PROTOCOL = 0x02;
    static final int IPV4_SOURCE = 0x03;
    static final int IPV4_DESTINATION = 0x04;
    static final int IPV6_SOURCE = 0x05;
    static final int IPV6_DESTINATION = 0x06;
    static final int SOURCE_PORT = 0x07;
    static final int DESTINATION_PORT = 0x08;
    static final int SECONDS = 0x09;
    static final int MICROSECONDS = 0x0a;
    static final int PROTOCOL_TYPE = 0x0b;
    static final int CAPTURE_ID = 0x0c;
    static final int AUTH_KEY = 0x0e;
    static final int PAYLOAD = 0x0f;
    static final int CORRELATION_ID = 0x11;

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int SIP = 1;
    /** The largest packet: its length field has 16 bits. */
    static final int MAX_LENGTH = 0xffff;

    private HepPacket() {
    }

    /**
     * The packet that carries {@code message}.
     *
     * @throws IllegalArgumentException when it would exceed 65,535 octets (HEP3's limit)
     */
    public static byte[] encode(TracedMessage message, int captureId, Optional<String> password) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.text().length() + 160);
        out.writeBytes(new byte[] {'H', 'E', 'P', '3', 0, 0});
        byte[] source = address(message.source());
        byte[] destination = address(message.destination());
        boolean v6 = source.length == 16 || destination.length == 16;
        chunk(out, FAMILY, new byte[] {(byte) (v6 ? AF_INET6 : AF_INET)});
        chunk(out, PROTOCOL, new byte[] {(byte) ipProtocol(message.transport())});
        chunk(out, v6 ? IPV6_SOURCE : IPV4_SOURCE, v6 ? sixteen(source) : source);
        chunk(out, v6 ? IPV6_DESTINATION : IPV4_DESTINATION, v6 ? sixteen(destination) : destination);
        chunk(out, SOURCE_PORT, number(message.source().getPort(), 2));
        chunk(out, DESTINATION_PORT, number(message.destination().getPort(), 2));
        long micros = message.time().getEpochSecond() * 1_000_000L + message.time().getNano() / 1000;
        chunk(out, SECONDS, number(micros / 1_000_000L, 4));
        chunk(out, MICROSECONDS, number(micros % 1_000_000L, 4));
        chunk(out, PROTOCOL_TYPE, new byte[] {SIP});
        chunk(out, CAPTURE_ID, number(captureId, 4));
        password.ifPresent(key -> chunk(out, AUTH_KEY, key.getBytes(StandardCharsets.UTF_8)));
        chunk(out, PAYLOAD, message.text().getBytes(StandardCharsets.UTF_8));
        chunk(out, CORRELATION_ID, message.callId().getBytes(StandardCharsets.UTF_8));
        byte[] packet = out.toByteArray();
        if (packet.length > MAX_LENGTH) {
            throw new IllegalArgumentException("a HEP packet of " + packet.length + " octets exceeds 65535");
        }
        packet[4] = (byte) (packet.length >>> 8);
        packet[5] = (byte) packet.length;
        return packet;
    }

    private static void chunk(ByteArrayOutputStream out, int type, byte[] value) {
        out.writeBytes(number(0, 2));
        out.writeBytes(number(type, 2));
        out.writeBytes(number(6 + value.length, 2));
        out.writeBytes(value);
    }

    private static byte[] number(long value, int octets) {
        byte[] bytes = new byte[octets];
        for (int i = octets - 1; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        return bytes;
    }

    /** 4 or 16 octets; 0.0.0.0 for an address the stack gave as a name. */
    private static byte[] address(InetSocketAddress socket) {
        InetAddress address = socket.getAddress();
        return address instanceof Inet4Address || address instanceof Inet6Address ? address.getAddress()
                : new byte[4];
    }

    /** An IPv4 address as IPv4-mapped IPv6 (::ffff:a.b.c.d), for a packet whose other end is IPv6. */
    private static byte[] sixteen(byte[] address) {
        if (address.length == 16) {
            return address;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(address, 0, mapped, 12, 4);
        return mapped;
    }

    private static int ipProtocol(String transport) {
        return switch (transport) {
            case "UDP" -> 17;
            case "SCTP" -> 132;
            default -> 6; // TCP, and TLS and WebSocket over it
        };
    }
}
