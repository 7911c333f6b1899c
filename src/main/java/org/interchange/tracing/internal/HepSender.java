package org.interchange.tracing.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

import org.interchange.tracing.HepDestination;
import org.interchange.tracing.TracedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends traced messages to the HEP collectors, on the backlog's one thread (never a SIP thread). Over UDP a datagram
 * is sent without waiting (a full socket buffer drops it); over TCP the connection is opened and each packet written
 * within {@link #TIMEOUT}, and after a failure reopened no sooner than a backoff that doubles from 1 s to 30 s,
 * packets meanwhile dropped. A collector's name is resolved when the connection or socket is opened. Not
 * thread-safe: one backlog thread uses it.
 */
public final class HepSender {

    /** How long a TCP connect or write may take. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration LAST_BACKOFF = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(HepSender.class);

    private final List<Collector> collectors;
    private final int captureId;
    private final Optional<String> password;
    private final Clock clock;
    private final LongAdder dropped = new LongAdder();

    public HepSender(List<HepDestination> destinations, int captureId, Optional<String> password, Clock clock) {
        this.collectors = destinations.stream().map(Collector::new).toList();
        this.captureId = captureId;
        this.password = password;
        this.clock = clock;
    }

    /** Sends each message to every collector. */
    public void send(List<TracedMessage> messages) {
        for (TracedMessage message : messages) {
            byte[] packet;
            try {
                packet = HepPacket.encode(message, captureId, password);
            } catch (IllegalArgumentException e) {
                dropped.add(collectors.size());
                continue;
            }
            for (Collector collector : collectors) {
                if (!collector.send(packet)) {
                    dropped.increment();
                }
            }
        }
    }

    /** Packets not sent: collectors unreachable, buffers full, messages too large for HEP. */
    public long dropped() {
        return dropped.sum();
    }

    /** Closes every socket. */
    public void close() {
        collectors.forEach(Collector::close);
    }

    private final class Collector {

        private final HepDestination destination;
        private DatagramChannel datagrams;
        private SocketChannel connection;
        private Selector writable;
        private Duration backoff = FIRST_BACKOFF;
        private long retryAt;

        Collector(HepDestination destination) {
            this.destination = destination;
        }

        boolean send(byte[] packet) {
            if (clock.millis() < retryAt) {
                return false;
            }
            try {
                boolean sent = destination.transport() == HepDestination.Transport.UDP ? sendDatagram(packet)
                        : write(packet);
                backoff = FIRST_BACKOFF;
                return sent;
            } catch (IOException | RuntimeException e) {
                log.warn("HEP collector {} failed ({}); next try in {} s", destination, e.toString(),
                        backoff.toSeconds());
                close();
                retryAt = clock.millis() + backoff.toMillis();
                backoff = backoff.multipliedBy(2).compareTo(LAST_BACKOFF) > 0 ? LAST_BACKOFF : backoff.multipliedBy(2);
                return false;
            }
        }

        private boolean sendDatagram(byte[] packet) throws IOException {
            if (datagrams == null) {
                datagrams = DatagramChannel.open();
                datagrams.configureBlocking(false);
                datagrams.connect(address());
            }
            return datagrams.write(ByteBuffer.wrap(packet)) > 0;
        }

        private boolean write(byte[] packet) throws IOException {
            if (connection == null) {
                SocketChannel opened = SocketChannel.open();
                try {
                    opened.socket().connect(address(), (int) TIMEOUT.toMillis());
                    opened.configureBlocking(false);
                    writable = Selector.open();
                    opened.register(writable, SelectionKey.OP_WRITE);
                } catch (IOException | RuntimeException e) {
                    opened.close();
                    throw e;
                }
                connection = opened;
            }
            ByteBuffer buffer = ByteBuffer.wrap(packet);
            long deadline = clock.millis() + TIMEOUT.toMillis();
            while (buffer.hasRemaining()) {
                long left = deadline - clock.millis();
                if (left <= 0) {
                    throw new IOException("write timed out after " + TIMEOUT.toSeconds() + " s");
                }
                if (connection.write(buffer) == 0) {
                    writable.selectedKeys().clear();
                    writable.select(left);
                }
            }
            return true;
        }

        private InetSocketAddress address() throws IOException {
            InetSocketAddress address = new InetSocketAddress(destination.host(), destination.port());
            if (address.isUnresolved()) {
                throw new IOException("cannot resolve " + destination.host());
            }
            return address;
        }

        void close() {
            closeQuietly(datagrams);
            closeQuietly(connection);
            closeQuietly(writable);
            datagrams = null;
            connection = null;
            writable = null;
        }

        private static void closeQuietly(AutoCloseable closeable) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    log.debug("Closing a HEP socket failed", e);
                }
            }
        }
    }
}
