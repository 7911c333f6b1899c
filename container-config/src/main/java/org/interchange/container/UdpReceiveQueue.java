package org.interchange.container;

import java.net.DatagramPacket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue between a UDP listener's receive thread and the stack threads that process its datagrams, which keeps
 * the router answering when more arrives than it can process (a flood, a registration storm after an outage).
 * What is offered may be in a receive buffer that is reused: what is queued is a copy.
 *
 * <p>JAIN-SIP's own queue is unbounded and holds every datagram in the 64 KB buffer it was received into: under
 * overload the backlog filled a 1 GB heap in seconds, the receive thread died of OutOfMemoryError and the listener
 * went deaf for good. Here a queued datagram keeps only its own bytes, and a datagram is dropped, as the kernel drops
 * what overflows a socket buffer, when
 * <ul>
 * <li>the queue holds {@code capacity} datagrams, or</li>
 * <li>it is a request that starts new work while the stack holds {@code maxServerTransactions} server transactions.
 * A UDP transaction outlives its final response by 32 s (Timer J) with the request, the response and the servlet
 * sessions (some 10 KB), so a sustained rate the threads keep up with can still exhaust the heap. Responses and ACK,
 * BYE, CANCEL and PRACK, which finish work in progress, are still taken.</li>
 * </ul>
 * The sender retransmits what is dropped. Drops are logged, summed, at most once per {@link #REPORT_INTERVAL_MS}.
 *
 * <p>Only the listener's receive thread offers, so the drop counters need no synchronisation.
 */
final class UdpReceiveQueue extends LinkedBlockingQueue<DatagramQueuedMessageDispatch> {

    private static final long REPORT_INTERVAL_MS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(UdpReceiveQueue.class);
    private static final long serialVersionUID = 1L;
    private static final byte[][] FINISHING_WORK = prefixes("SIP/", "ACK ", "BYE ", "CANCEL ", "PRACK ");
    private static final ThreadLocal<DatagramPacket> TAKEN = new ThreadLocal<>();

    private final String listener;
    private final int capacity;
    private final int maxServerTransactions;
    private final transient IntSupplier serverTransactions;
    private long droppedQueueFull;
    private long droppedTransactionsFull;
    private long reportDue;

    UdpReceiveQueue(String listener, int capacity, int maxServerTransactions, IntSupplier serverTransactions) {
        super(capacity);
        this.listener = listener;
        this.capacity = capacity;
        this.maxServerTransactions = maxServerTransactions;
        this.serverTransactions = serverTransactions;
    }

    @Override
    public boolean offer(DatagramQueuedMessageDispatch received) {
        DatagramPacket buffer = received.packet;
        // a packet of its own: the receive buffer is reused for the next datagram
        DatagramPacket packet = new DatagramPacket(Arrays.copyOfRange(buffer.getData(), buffer.getOffset(),
                buffer.getOffset() + buffer.getLength()), buffer.getLength(), buffer.getSocketAddress());
        received.packet = packet;
        if (!finishesWork(packet.getData()) && serverTransactions.getAsInt() >= maxServerTransactions) {
            droppedTransactionsFull++;
            StackState.shed(StackState.Shed.TRANSACTIONS_FULL);
        } else if (!super.offer(received)) {
            droppedQueueFull++;
            StackState.shed(StackState.Shed.QUEUE_FULL);
        } else {
            return true;
        }
        reportDrops();
        return false;
    }

    @Override
    public DatagramQueuedMessageDispatch take() throws InterruptedException {
        return taken(super.take());
    }

    @Override
    public DatagramQueuedMessageDispatch poll(long timeout, TimeUnit unit) throws InterruptedException {
        return taken(super.poll(timeout, unit));
    }

    /**
     * The datagram the calling stack thread is processing: the one it took last. JAIN-SIP's channel learns the
     * datagram's source port only after parsing it, and the parser needs it for what it answers and traces itself.
     * Empty on another thread, such as JAIN-SIP's thread per datagram (no stack thread pool).
     */
    static Optional<DatagramPacket> processing() {
        return Optional.ofNullable(TAKEN.get());
    }

    /** Keeps what a stack thread took as its {@link #processing} datagram; the packet only, no copy. */
    private static DatagramQueuedMessageDispatch taken(DatagramQueuedMessageDispatch work) {
        TAKEN.set(work == null ? null : work.packet);
        return work;
    }

    private void reportDrops() {
        long now = System.currentTimeMillis();
        if (now < reportDue) {
            return;
        }
        LOG.warn("{} overloaded, dropped since the last report: {} datagrams because {} were waiting to be processed, "
                + "{} new requests because {} server transactions were open; senders retransmit",
                listener, droppedQueueFull, capacity, droppedTransactionsFull, maxServerTransactions);
        droppedQueueFull = 0;
        droppedTransactionsFull = 0;
        reportDue = now + REPORT_INTERVAL_MS;
    }

    private static boolean finishesWork(byte[] datagram) {
        for (byte[] prefix : FINISHING_WORK) {
            if (datagram.length >= prefix.length && Arrays.equals(datagram, 0, prefix.length, prefix, 0, prefix.length)) {
                return true;
            }
        }
        return false;
    }

    private static byte[][] prefixes(String... starts) {
        return Arrays.stream(starts).map(start -> start.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    }
}
