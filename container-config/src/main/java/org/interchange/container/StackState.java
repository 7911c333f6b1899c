package org.interchange.container;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

import javax.sip.ListeningPoint;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import org.interchange.container.config.IpAddresses;

/**
 * What the SIP stack and the container layer's receive path know and the router's statistics and health report:
 * datagrams shed under overload, malformed messages refused before the stack saw them, pings and other requests
 * answered statelessly there, datagrams waiting in the receive queues, open transactions, and the listening points
 * that are open. Counters only grow (the router's
 * statistics compute resets against a baseline). Thread-safe; one SIP stack per JVM.
 */
public final class StackState {

    /** Why a datagram was shed before a stack thread processed it (see {@link UdpReceiveQueue}). */
    public enum Shed {
        /** The listener's receive queue was full. */
        QUEUE_FULL,
        /** A request that starts new work arrived while the stack held its most server transactions. */
        TRANSACTIONS_FULL
    }

    private static final LongAdder[] SHED = {new LongAdder(), new LongAdder()};
    private static final LongAdder MALFORMED = new LongAdder();
    private static final LongAdder PINGS = new LongAdder();
    private static final LongAdder STATELESS_REPLIES = new LongAdder();
    private static final LongAdder STATELESS_ERRORS = new LongAdder();
    private static final List<UdpReceiveQueue> QUEUES = new CopyOnWriteArrayList<>();
    private static volatile SIPTransactionStack stack;

    private StackState() {
    }

    /** Notes the stack and a UDP listener's queue as the stack opens the listener. */
    static void listenerOpened(SIPTransactionStack opened, UdpReceiveQueue queue) {
        stack = opened;
        if (queue != null) {
            QUEUES.add(queue);
        }
    }

    static void shed(Shed reason) {
        SHED[reason.ordinal()].increment();
    }

    static void malformed() {
        MALFORMED.increment();
    }

    static void pinged() {
        PINGS.increment();
    }

    static void answeredStatelessly(int status) {
        STATELESS_REPLIES.increment();
        if (status >= 300) {
            STATELESS_ERRORS.increment();
        }
    }

    /** OPTIONS pings to the router answered in the stack ({@link RouterPings}), which the servlet never sees. */
    public static long pings() {
        return PINGS.sum();
    }

    /** Replies sent without a transaction: 200 to pings, 400 or 505 to malformed requests. */
    public static long statelessReplies() {
        return STATELESS_REPLIES.sum();
    }

    /** Those of {@link #statelessReplies} that are errors (the answers to malformed requests). */
    public static long statelessErrors() {
        return STATELESS_ERRORS.sum();
    }

    /** Datagrams shed since the start, for one reason. */
    public static long shedDatagrams(Shed reason) {
        return SHED[reason.ordinal()].sum();
    }

    /** Messages refused as malformed since the start (answered 400 or 505, or dropped when they cannot be). */
    public static long malformedMessages() {
        return MALFORMED.sum();
    }

    /** Datagrams received on the UDP listeners and waiting for a stack thread. */
    public static int waitingDatagrams() {
        int waiting = 0;
        for (UdpReceiveQueue queue : QUEUES) {
            waiting += queue.size();
        }
        return waiting;
    }

    /** Open server transactions (requests received), 0 before the stack starts. */
    public static int serverTransactions() {
        SIPTransactionStack current = stack;
        return current == null ? 0 : current.getServerTransactionTableSize();
    }

    /** Open client transactions (requests sent), 0 before the stack starts. */
    public static int clientTransactions() {
        SIPTransactionStack current = stack;
        return current == null ? 0 : current.getClientTransactionTableSize();
    }

    /**
     * The listening points open now, as {@code transport:address:port} (lower-case transport, the address as
     * {@link IpAddresses#text} writes it); empty before the stack opens its first listener.
     */
    public static List<String> listening() {
        List<String> open = new ArrayList<>();
        if (stack instanceof SipStackImpl sipStack) {
            for (Iterator<?> points = sipStack.getListeningPoints(); points.hasNext(); ) {
                ListeningPoint point = (ListeningPoint) points.next();
                String address = IpAddresses.parseLiteral(point.getIPAddress()).map(IpAddresses::text)
                        .orElse(point.getIPAddress());
                open.add(point.getTransport().toLowerCase(Locale.ROOT) + ":" + address + ":" + point.getPort());
            }
        }
        return open;
    }
}
