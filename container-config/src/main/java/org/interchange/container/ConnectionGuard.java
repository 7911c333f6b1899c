package org.interchange.container;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import gov.nist.javax.sip.stack.SIPStackTimerTask;
import gov.nist.javax.sip.stack.timers.SipTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the TCP and TLS connections a stack has accepted, admits a new one only below {@link ConnectionLimits}'
 * global and per-source maximums, and counts and reports (summed, at most once per {@link #REPORT_INTERVAL_MS})
 * the connections refused and those closed for idling, for a slow message, for not reading what the router sends,
 * or for a TLS handshake that failed.
 *
 * <p>JAIN-SIP's own {@code MAX_CONNECTIONS} is no use here: at the limit its accept loop stops accepting, so idle
 * connections that hold every slot shut out every new client. Refusing means accepting and closing at once.
 *
 * <p>Thread-safe: listeners' accept threads admit, connections' reader threads release and report.
 */
final class ConnectionGuard {

    static final long REPORT_INTERVAL_MS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

    /** Why a connection was refused or closed by the router, as the report names it. */
    enum Closure {
        OVER_GLOBAL_LIMIT("refused at the limit of tcp.max-connections"),
        OVER_SOURCE_LIMIT("refused at the limit of tcp.max-connections-per-source"),
        IDLE("closed after tcp.idle-timeout without a byte"),
        SLOW_MESSAGE("closed for a message not complete within tcp.read-timeout"),
        SLOW_READER("closed for a message the peer did not take within tcp.write-timeout"),
        HANDSHAKE_FAILED("closed for a TLS handshake that failed or did not finish within tls.handshake-timeout");

        private final String description;

        Closure(String description) {
            this.description = description;
        }
    }

    /** A connection admitted; {@link #release()} when it is closed (more than once is harmless). */
    final class Admission {
        private final InetAddress source;
        private final AtomicBoolean released = new AtomicBoolean();

        private Admission(InetAddress source) {
            this.source = source;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                ConnectionGuard.this.release(source);
            }
        }
    }

    private final ConnectionLimits limits;
    private final LongSupplier clock;
    private final Map<InetAddress, Integer> perSource = new HashMap<>();
    /** Admitted connections whose reader thread has not claimed them yet. */
    private final Map<Socket, Admission> arriving = new ConcurrentHashMap<>();
    private final Map<Closure, AtomicLong> totals = new EnumMap<>(Closure.class);
    private final Map<Closure, AtomicLong> sinceReport = new EnumMap<>(Closure.class);
    private int open;
    private long reportDue;

    ConnectionGuard(ConnectionLimits limits, LongSupplier clock) {
        this.limits = limits;
        this.clock = clock;
        for (Closure closure : Closure.values()) {
            totals.put(closure, new AtomicLong());
            sinceReport.put(closure, new AtomicLong());
        }
    }

    ConnectionLimits limits() {
        return limits;
    }

    /** A write on a connection, as a channel does it. */
    interface Write {
        void run() throws IOException;
    }

    /** What a listener makes of a connection it admitted: the channel that reads it. */
    interface ChannelOpener {
        void open(Socket socket) throws IOException;
    }

    /**
     * A listener's accept loop: admits or refuses each connection, and has {@code opener} start the channel of each
     * admitted one with {@code firstReadTimeout} as its socket's first {@code SO_TIMEOUT} (which bounds a TLS
     * handshake's reads). Returns when the listener stops (its server socket closed).
     */
    void acceptWhile(BooleanSupplier running, ServerSocket server, long firstReadTimeout, ChannelOpener opener) {
        while (running.getAsBoolean()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException failed) {
                if (server.isClosed()) {
                    return;
                }
                LOG.debug("accepting a connection on {} failed", server.getLocalSocketAddress(), failed);
                continue;
            }
            Optional<Admission> admission = admit(socket.getInetAddress());
            if (admission.isEmpty()) {
                closeQuietly(socket);
                continue;
            }
            arriving.put(socket, admission.get());
            try {
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, firstReadTimeout));
                opener.open(socket);
            } catch (IOException | RuntimeException failed) {
                LOG.debug("no channel for the connection from {}", socket.getRemoteSocketAddress(), failed);
                arriving.remove(socket);
                admission.get().release();
                closeQuietly(socket);
            }
        }
    }

    /**
     * Runs the reader of a channel: for a connection this guard admitted, with its input watched
     * ({@link WatchedInputStream}, handed to {@code install} before the reader starts) and its admission released
     * when the reader ends; for a connection the router opened itself, as it is.
     */
    void serve(Socket socket, InputStream input, Consumer<WatchedInputStream> install, Runnable reader) {
        Admission admission = socket == null ? null : arriving.remove(socket);
        if (admission == null) {
            reader.run();
            return;
        }
        try {
            install.accept(new WatchedInputStream(input, socket, this, clock));
            reader.run();
        } finally {
            admission.release();
        }
    }

    /**
     * Whether a channel may answer a keep-alive with a pong (RFC 5626 4.4.1). JAIN-SIP cannot send one on a connection
     * that ended (it feeds its parser the end of a connection as a keep-alive and would answer by opening a new
     * connection to the peer's port), nor on an accepted connection before its first message ({@code peerProtocol}
     * still unknown: a NullPointerException); both logged as errors.
     *
     * @param watched the input of an admitted connection, null for one the router opened
     */
    static boolean mayPong(String peerProtocol, WatchedInputStream watched) {
        return peerProtocol != null && (watched == null || !watched.ended());
    }

    /**
     * Runs a channel's write: on a connection this guard admitted ({@code watched} present) as activity that keeps
     * it from idling, bounded by the write timeout; on one the router opened itself, as it is.
     */
    void write(WatchedInputStream watched, Socket socket, SipTimer timer, Write write) throws IOException {
        if (watched == null) {
            write.run();
            return;
        }
        watched.wrote();
        boundWrite(socket, timer, write);
    }

    /**
     * Runs a write on an admitted connection, and closes the connection when the write has not finished within
     * the write timeout: a peer that stops reading would otherwise block the writing thread for good, a stack
     * thread that relays a call to it perhaps. The stack's own timer watches, as JAIN-SIP's handshake watchdog does.
     */
    private void boundWrite(Socket socket, SipTimer timer, Write write) throws IOException {
        SIPStackTimerTask watchdog = new SIPStackTimerTask() {
            @Override
            public void runTask() {
                closed(Closure.SLOW_READER);
                closeQuietly(socket);
            }

            @Override
            public Object getThreadHash() {
                return null;
            }
        };
        timer.schedule(watchdog, limits.writeTimeout().toMillis());
        try {
            write.run();
        } finally {
            timer.cancel(watchdog);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException alreadyGone) {
            // nothing left to free
        }
    }

    /** Admits a connection from {@code source}, or refuses it (counted and reported) when a limit is reached. */
    Optional<Admission> admit(InetAddress source) {
        Closure refusal;
        synchronized (this) {
            int fromSource = perSource.getOrDefault(source, 0);
            if (open >= limits.maxConnections()) {
                refusal = Closure.OVER_GLOBAL_LIMIT;
            } else if (fromSource >= limits.maxConnectionsPerSource()) {
                refusal = Closure.OVER_SOURCE_LIMIT;
            } else {
                open++;
                perSource.put(source, fromSource + 1);
                return Optional.of(new Admission(source));
            }
        }
        closed(refusal);
        return Optional.empty();
    }

    /** Counts a connection the router closed, and reports when a report is due. */
    void closed(Closure closure) {
        totals.get(closure).incrementAndGet();
        sinceReport.get(closure).incrementAndGet();
        report();
    }

    /** Connections refused or closed for {@code closure} since the stack started. */
    long total(Closure closure) {
        return totals.get(closure).get();
    }

    /** Accepted connections open now. */
    synchronized int open() {
        return open;
    }

    private synchronized void release(InetAddress source) {
        open--;
        perSource.computeIfPresent(source, (address, count) -> count > 1 ? count - 1 : null);
    }

    private void report() {
        long now = clock.getAsLong();
        StringBuilder summary = new StringBuilder();
        synchronized (sinceReport) {
            if (now < reportDue) {
                return;
            }
            reportDue = now + REPORT_INTERVAL_MS;
            for (Map.Entry<Closure, AtomicLong> count : sinceReport.entrySet()) {
                long n = count.getValue().getAndSet(0);
                if (n > 0) {
                    summary.append(summary.isEmpty() ? "" : ", ").append(n).append(' ')
                            .append(count.getKey().description);
                }
            }
        }
        LOG.warn("TCP/TLS connections since the last report: {} ({} open, at most {} and {} per source)", summary,
                open(), limits.maxConnections(), limits.maxConnectionsPerSource());
    }
}
