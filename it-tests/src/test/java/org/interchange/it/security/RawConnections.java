package org.interchange.it.security;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.interchange.it.support.sip.SipAgent;

/**
 * Plain sockets to a router's listener from chosen loopback addresses (127.0.0.x all reach it), for what a
 * {@link SipAgent} cannot do: hold many connections open without a word, or see the router close them.
 * Closes them all at the end.
 */
final class RawConnections implements AutoCloseable {

    private final InetSocketAddress router;
    private final List<Socket> sockets = new ArrayList<>();

    RawConnections(InetSocketAddress router) {
        this.router = router;
    }

    /** A new connection from {@code source} (an ephemeral port). */
    Socket open(String source) throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.bind(new InetSocketAddress(source, 0));
        socket.connect(router, (int) SipAgent.WAIT.toMillis());
        socket.setSoTimeout((int) SipAgent.WAIT.toMillis());
        return socket;
    }

    /** The OPTIONS a probe sends over {@code socket} to the router itself. */
    byte[] options(Socket socket) {
        String branch = "z9hG4bK-" + UUID.randomUUID();
        return ("OPTIONS sip:" + router.getAddress().getHostAddress() + ":" + router.getPort() + ";transport=tcp"
                + " SIP/2.0\r\n"
                + "Via: SIP/2.0/TCP " + socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort()
                + ";branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:probe@" + socket.getLocalAddress().getHostAddress() + ">;tag=" + branch.hashCode()
                + "\r\n"
                + "To: <sip:" + router.getAddress().getHostAddress() + ">\r\n"
                + "Call-ID: " + branch + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends an OPTIONS on {@code socket}: the status line of the answer, or empty if the router closed it. */
    String statusOfOptions(Socket socket) throws IOException {
        try {
            socket.getOutputStream().write(options(socket));
            byte[] start = socket.getInputStream().readNBytes("SIP/2.0 200".length());
            return new String(start, StandardCharsets.US_ASCII);
        } catch (SocketException reset) {
            return "";
        }
    }

    /**
     * Whether the router closed {@code socket} within {@code atMost}: end-of-stream or a reset. Bytes that arrive
     * meanwhile are skipped.
     */
    static boolean closedByRouter(Socket socket, Duration atMost) throws IOException {
        long deadline = System.nanoTime() + atMost.toNanos();
        byte[] skipped = new byte[1024];
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) left);
            try {
                if (socket.getInputStream().read(skipped) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException stillOpen) {
                return false;
            } catch (SocketException reset) {
                return true;
            }
        }
    }

    @Override
    public void close() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException alreadyGone) {
                // nothing to free
            }
        }
    }
}
