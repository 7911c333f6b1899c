package org.interchange.it.support.sip;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.function.Consumer;

/** A UDP socket: one message per datagram, received on a thread of its own. */
final class UdpChannel implements Channel {

    /** The largest UDP payload; RFC 3261 18.1.1 lets messages reach it. */
    private static final int MAX_DATAGRAM = 65_535;

    private final DatagramSocket socket;

    UdpChannel(InetSocketAddress local, Consumer<RawMessage> inbound) throws IOException {
        socket = new DatagramSocket(local);
        Thread receiver = new Thread(() -> receive(inbound), "sip-agent-udp-" + local.getPort());
        receiver.setDaemon(true);
        receiver.start();
    }

    private void receive(Consumer<RawMessage> inbound) {
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                return; // closed
            }
            inbound.accept(new RawMessage(Arrays.copyOf(packet.getData(), packet.getLength()),
                    (InetSocketAddress) packet.getSocketAddress(), local()));
        }
    }

    @Override
    public InetSocketAddress local() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public void send(byte[] message, InetSocketAddress destination) throws IOException {
        socket.send(new DatagramPacket(message, message.length, destination));
    }

    @Override
    public void close() {
        socket.close();
    }
}
