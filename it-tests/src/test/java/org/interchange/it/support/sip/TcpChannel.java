package org.interchange.it.support.sip;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;

/**
 * TCP: a listening socket for the connections the router opens (to reach a registered contact), and the
 * connections this agent opens itself, one per remote address and reused, as RFC 3261 18.1.1 asks. Messages go
 * back on the connection they belong to; each connection is read on a thread of its own and framed by
 * {@link StreamFraming}. {@link TlsChannel} is the same over TLS sockets.
 */
class TcpChannel implements Channel {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final ServerSocket server;
    private final InetSocketAddress local;
    private final Consumer<RawMessage> inbound;
    private final SocketFactory clients;
    private final String name;
    private final Map<InetSocketAddress, Socket> connections = new ConcurrentHashMap<>();
    private final Object connecting = new Object();

    TcpChannel(InetSocketAddress local, Consumer<RawMessage> inbound) throws IOException {
        this(local, inbound, ServerSocketFactory.getDefault(), SocketFactory.getDefault(), "tcp");
    }

    /** With the sockets of these factories, which make unbound sockets. */
    TcpChannel(InetSocketAddress local, Consumer<RawMessage> inbound, ServerSocketFactory servers,
               SocketFactory clients, String name) throws IOException {
        this.server = servers.createServerSocket();
        this.inbound = inbound;
        this.clients = clients;
        this.name = name;
        try {
            server.setReuseAddress(true);
            server.bind(local);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        this.local = (InetSocketAddress) server.getLocalSocketAddress();
        Thread acceptor = new Thread(this::accept, "sip-agent-" + name + "-" + this.local.getPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Called on a connection this agent opened, once connected and before it is used; TLS shakes hands here. */
    void connected(Socket connection, InetSocketAddress destination) throws IOException {
        // nothing to do over plain TCP
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                adopt(server.accept());
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private Socket adopt(Socket connection) {
        InetSocketAddress remote = (InetSocketAddress) connection.getRemoteSocketAddress();
        connections.put(remote, connection);
        Thread reader = new Thread(() -> read(connection, remote), "sip-agent-" + name + "-" + local.getPort() + "<-"
                + remote);
        reader.setDaemon(true);
        reader.start();
        return connection;
    }

    private void read(Socket connection, InetSocketAddress remote) {
        InetSocketAddress arrival = (InetSocketAddress) connection.getLocalSocketAddress();
        try (connection; BufferedInputStream in = new BufferedInputStream(connection.getInputStream())) {
            for (byte[] message = StreamFraming.next(in); message != null; message = StreamFraming.next(in)) {
                inbound.accept(new RawMessage(message, remote, arrival));
            }
        } catch (IOException e) {
            // the peer closed or reset the connection, or this channel was closed
        } finally {
            connections.remove(remote, connection);
        }
    }

    @Override
    public InetSocketAddress local() {
        return local;
    }

    @Override
    public void send(byte[] message, InetSocketAddress destination) throws IOException {
        Socket connection = connectionTo(destination);
        synchronized (connection) {
            OutputStream out = connection.getOutputStream();
            out.write(message);
            out.flush();
        }
    }

    /** The open connection to {@code destination}, or a new one. */
    private Socket connectionTo(InetSocketAddress destination) throws IOException {
        synchronized (connecting) {
            Socket existing = connections.get(destination);
            if (existing != null && !existing.isClosed()) {
                return existing;
            }
            Socket connection = clients.createSocket();
            try {
                connection.bind(new InetSocketAddress(local.getAddress(), 0));
                connection.connect(destination, CONNECT_TIMEOUT_MILLIS);
                connected(connection, destination);
            } catch (IOException e) {
                closeQuietly(connection);
                throw new IOException("cannot connect to " + destination, e);
            }
            return adopt(connection);
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        connections.values().forEach(TcpChannel::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable socket) {
        try {
            socket.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
