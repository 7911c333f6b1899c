package org.interchange.it.support.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A TCP proxy between the router of the container {@code database-faults} (or another, {@link #proxy(String, int)})
 * and the PostgreSQL server of the machine (127.0.0.1:5432), which a test switches between three states to fail the database for real:
 * <ul>
 *   <li>{@link Mode#FORWARD}: bytes pass both ways, as if the router were connected directly;</li>
 *   <li>{@link Mode#REFUSE}: the database "stopped": the listener is closed (new connections are refused) and every
 *       open connection is reset;</li>
 *   <li>{@link Mode#HANG}: the database "hangs": connections are accepted and held, nothing is forwarded either
 *       way; the connections of a hang are reset when it ends, as the router's timeouts would have left them.</li>
 * </ul>
 * It listens on 127.0.0.8 at the container's SIP port (arquillian.xml's {@code databaseUrl}
 * {@code jdbc:postgresql://127.0.0.8:{sip-port}/test}): a port of the run's own range on an address nothing else
 * uses. It is a JUnit extension to register before {@code ArquillianExtension}
 * ({@code @ExtendWith({DatabaseProxy.class, ArquillianExtension.class})}), so that it listens before the router
 * starts; it lives until the JVM exits, since the router outlives the test class and its schema is dropped through
 * it at the end of the run, and it is left forwarding after each class. At most {@value #MAX_CONNECTIONS}
 * connections at once; the others are closed at once.
 */
public final class DatabaseProxy implements BeforeAllCallback, AfterAllCallback {

    /** The state of the database as the router sees it. */
    public enum Mode { FORWARD, REFUSE, HANG }

    /** The container's port offset in arquillian.xml; the proxy listens on that container's SIP port. */
    private static final int PORT_OFFSET = 800;
    private static final String ADDRESS = "127.0.0.8";
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 5432);
    private static final int MAX_CONNECTIONS = 64;
    private static final int BUFFER = 16 * 1024;

    private static final Map<InetSocketAddress, DatabaseProxy> PROXIES = new HashMap<>();

    private final InetSocketAddress address;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.FORWARD;
    private ServerSocket listener;
    private Thread accepting;

    /** For JUnit: the extension instance; the proxy itself is {@link #proxy()}. */
    public DatabaseProxy() {
        this.address = null;
    }

    private DatabaseProxy(InetSocketAddress address) {
        this.address = address;
    }

    /** The running proxy of the container {@code database-faults}, started on first use. */
    public static DatabaseProxy proxy() {
        return proxy(ADDRESS, PORT_OFFSET);
    }

    /**
     * The running proxy of another container whose {@code databaseUrl} names {@code address} at its SIP port (the
     * base port plus {@code portOffset}), started on first use.
     */
    public static synchronized DatabaseProxy proxy(String address, int portOffset) {
        int port = Integer.getInteger("interchange.it.base-port", 15060) + portOffset;
        return PROXIES.computeIfAbsent(new InetSocketAddress(address, port), at -> {
            DatabaseProxy started = new DatabaseProxy(at);
            started.listen();
            return started;
        });
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        proxy().switchTo(Mode.FORWARD);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        proxy().switchTo(Mode.FORWARD);
    }

    /** Puts the database in a state; the connections the previous state leaves unusable are reset. */
    public synchronized void switchTo(Mode next) {
        Mode previous = mode;
        if (next == previous) {
            return;
        }
        mode = next;
        if (next == Mode.REFUSE) {
            closeListener();
        }
        if (next == Mode.REFUSE || previous == Mode.HANG) {
            resetAll();
        }
        if (previous == Mode.REFUSE) {
            listen();
        }
    }

    public Mode mode() {
        return mode;
    }

    private synchronized void listen() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(address, 50);
            listener = socket;
            accepting = new Thread(() -> accept(socket), "database-proxy-accept");
            accepting.setDaemon(true);
            accepting.start();
        } catch (IOException e) {
            throw new UncheckedIOException("the database proxy cannot listen on " + address, e);
        }
    }

    /** Accepts until the listener is closed (REFUSE) or the JVM exits. */
    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (connections.size() >= MAX_CONNECTIONS) {
                close(client);
                continue;
            }
            connections.add(client);
            if (mode == Mode.FORWARD) {
                forward(client);
            } // HANG: held as it is until the hang ends
        }
    }

    private void forward(Socket client) {
        Socket server = new Socket();
        try {
            server.connect(SERVER, 5_000);
        } catch (IOException e) {
            connections.remove(client);
            close(client);
            return;
        }
        connections.add(server);
        pump(client, server);
        pump(server, client);
    }

    /** Copies one direction until either side closes; bytes that arrive while the database hangs are dropped. */
    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[BUFFER];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (mode == Mode.FORWARD) {
                        out.write(buffer, 0, read);
                    }
                }
            } catch (IOException e) {
                // reset or closed: the connection is over
            } finally {
                connections.remove(from);
                connections.remove(to);
                close(from);
                close(to);
            }
        }, "database-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void resetAll() {
        List<Socket> open = new ArrayList<>(connections);
        connections.removeAll(open);
        for (Socket socket : open) {
            try {
                socket.setSoLinger(true, 0); // RST, as a dead server's host sends
            } catch (SocketException e) {
                // closed already
            }
            close(socket);
        }
    }

    /**
     * Closes the listener and waits for its thread to leave {@code accept}: until it has, the kernel keeps the port
     * listening, and listening on it again (back from REFUSE) could fail.
     */
    private void closeListener() {
        if (listener != null) {
            close(listener);
            listener = null;
            try {
                accepting.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // nothing more to do with it
        }
    }
}
