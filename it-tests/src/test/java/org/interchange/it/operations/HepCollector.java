package org.interchange.it.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A HEP collector on a UDP socket of the test: it keeps every datagram it receives, read as HEP3 chunks (vendor,
 * type, length, value; lengths that do not add up fail the test that reads the packet). Thread-safe.
 */
final class HepCollector implements AutoCloseable {

    /** One HEP3 packet: its generic chunks by type. */
    record Packet(Map<Integer, byte[]> chunks) {

        static Packet parse(byte[] datagram) {
            ByteBuffer buffer = ByteBuffer.wrap(datagram);
            byte[] magic = new byte[4];
            buffer.get(magic);
            if (!"HEP3".equals(new String(magic, StandardCharsets.US_ASCII))
                    || Short.toUnsignedInt(buffer.getShort()) != datagram.length) {
                throw new AssertionError("not a HEP3 packet of its stated length: " + datagram.length + " octets");
            }
            Map<Integer, byte[]> chunks = new LinkedHashMap<>();
            while (buffer.hasRemaining()) {
                int vendor = Short.toUnsignedInt(buffer.getShort());
                int type = Short.toUnsignedInt(buffer.getShort());
                byte[] value = new byte[Short.toUnsignedInt(buffer.getShort()) - 6];
                buffer.get(value);
                if (vendor == 0) {
                    chunks.put(type, value);
                }
            }
            return new Packet(chunks);
        }

        int number(int type) {
            byte[] value = chunks.get(type);
            int number = 0;
            for (byte octet : value) {
                number = number << 8 | (octet & 0xff);
            }
            return number;
        }

        String text(int type) {
            return chunks.containsKey(type) ? new String(chunks.get(type), StandardCharsets.UTF_8) : "";
        }

        InetSocketAddress source() {
            return address(chunks.containsKey(0x03) ? 0x03 : 0x05, 0x07);
        }

        InetSocketAddress destination() {
            return address(chunks.containsKey(0x04) ? 0x04 : 0x06, 0x08);
        }

        private InetSocketAddress address(int addressType, int portType) {
            try {
                return new InetSocketAddress(InetAddress.getByAddress(chunks.get(addressType)), number(portType));
            } catch (UnknownHostException e) {
                throw new AssertionError("a HEP address chunk of " + chunks.get(addressType).length + " octets");
            }
        }

        /** The captured SIP message's start line. */
        String startLine() {
            String payload = text(0x0f);
            return payload.substring(0, Math.max(0, payload.indexOf("\r\n")));
        }
    }

    private final DatagramSocket socket;
    private final List<byte[]> datagrams = new ArrayList<>();
    private final Thread receiver;

    HepCollector(InetSocketAddress address) {
        try {
            socket = new DatagramSocket(address);
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot open the HEP collector on " + address, e);
        }
        receiver = new Thread(this::receive, "hep-collector");
        receiver.setDaemon(true);
        receiver.start();
    }

    /** Every packet received so far, in order. */
    synchronized List<Packet> packets() {
        return datagrams.stream().map(Packet::parse).toList();
    }

    private void receive() {
        byte[] buffer = new byte[65_535];
        while (!socket.isClosed()) {
            DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(datagram);
            } catch (IOException e) {
                return; // closed
            }
            byte[] copy = new byte[datagram.getLength()];
            System.arraycopy(buffer, 0, copy, 0, copy.length);
            synchronized (this) {
                datagrams.add(copy);
            }
        }
    }

    /**
     * Closes the socket and waits for the receiver to leave {@code receive}: until it has, the kernel keeps the port
     * bound, and the next test's collector on the same address would fail to bind.
     */
    @Override
    public void close() {
        socket.close();
        try {
            receiver.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
