package org.interchange.proxy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import javax.enterprise.context.ApplicationScoped;
import javax.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.interchange.container.StackState;

/**
 * The SIP traffic the router's servlet sees, under OpenSIPS's names: the core's {@code rcv_requests},
 * {@code fwd_requests} (by method; OPTIONS pings to the router, answered in the stack, are received requests too), {@code rcv_replies}, {@code fwd_replies} (by code class), {@code drop_requests},
 * {@code drop_replies}, {@code err_requests}, and tm's {@code UAS_transactions}, {@code UAC_transactions},
 * {@code local_replies}, {@code relayed_replies} and {@code 2xx_transactions} to {@code 6xx_transactions} (final
 * answers upstream). Every meter is made once, here: counting a message is a map lookup and an increment. Methods
 * outside RFC 3261 and its extensions are counted as {@code OTHER}, so that a peer cannot grow the tags.
 * Thread-safe.
 */
@ApplicationScoped
public class TrafficStats {

    static final List<String> METHODS = List.of("INVITE", "ACK", "BYE", "CANCEL", "REGISTER", "OPTIONS", "INFO",
            "PRACK", "UPDATE", "SUBSCRIBE", "NOTIFY", "PUBLISH", "MESSAGE", "REFER", "OTHER");

    private Map<String, LongAdder> received;
    private Map<String, Counter> forwarded;
    private Counter[] repliesReceived;
    private Counter[] repliesForwarded;
    private Counter[] transactionsAnswered;
    private Counter droppedRequests;
    private Counter droppedReplies;
    private Counter failedRequests;
    private Counter serverTransactions;
    private Counter clientTransactions;
    private Counter localReplies;
    private Counter relayedReplies;

    protected TrafficStats() {
        // for CDI's proxy
    }

    @Inject
    public TrafficStats(MeterRegistry registry) {
        received = received(registry);
        forwarded = byMethod(registry, "interchange.core.fwd_requests", "requests relayed");
        repliesReceived = byClass(registry, "interchange.core.rcv_replies", "replies received");
        repliesForwarded = byClass(registry, "interchange.core.fwd_replies", "replies relayed upstream");
        transactionsAnswered = new Counter[7];
        for (int c = 2; c <= 6; c++) {
            transactionsAnswered[c] = Counter.builder("interchange.tm." + c + "xx_transactions")
                    .description("transactions answered upstream with a " + c + "xx final response")
                    .register(registry);
        }
        droppedRequests = counter(registry, "interchange.core.drop_requests",
                "requests the route dropped without an answer");
        droppedReplies = counter(registry, "interchange.core.drop_replies", "replies a reply hook dropped");
        failedRequests = counter(registry, "interchange.core.err_requests",
                "requests that could not be processed (malformed, or failed)");
        serverTransactions = counter(registry, "interchange.tm.UAS_transactions", "server transactions started");
        clientTransactions = counter(registry, "interchange.tm.UAC_transactions",
                "client transactions started (branches, CANCELs)");
        localReplies = counter(registry, "interchange.tm.local_replies", "replies the router made itself");
        relayedReplies = counter(registry, "interchange.tm.relayed_replies", "replies relayed upstream");
    }

    /** A request arrived (any: initial, in-dialog, ACK, CANCEL). */
    public void requestReceived(String method) {
        method(received, method).increment();
    }

    /** A request was relayed: an initial one to its branches, or an in-dialog one along its Route set. */
    public void requestForwarded(String method) {
        method(forwarded, method).increment();
    }

    /** A request, not an ACK, started a server transaction. */
    public void serverTransaction() {
        serverTransactions.increment();
    }

    /** The router sent requests: branches of an initial request, in-dialog requests relayed, CANCELs. */
    public void clientTransactions(int started) {
        clientTransactions.increment(started);
    }

    /** The route dropped a request without an answer. */
    public void requestDropped() {
        droppedRequests.increment();
    }

    /** A request could not be processed: malformed, or the route failed on it. */
    public void requestFailed() {
        failedRequests.increment();
    }

    /** A response to a relayed request arrived. */
    public void replyReceived(int status) {
        byStatus(repliesReceived, status).increment();
    }

    /** A reply hook dropped a response. */
    public void replyDropped() {
        droppedReplies.increment();
    }

    /** A response went upstream: one the router made, or one relayed. */
    public void replied(int status, boolean local) {
        if (local) {
            localReplies.increment();
        } else {
            relayedReplies.increment();
            byStatus(repliesForwarded, status).increment();
        }
        if (status >= 200 && status < 700) {
            transactionsAnswered[status / 100].increment();
        }
    }

    /** The count of a method, or of {@code OTHER} for a method outside {@link #METHODS}. */
    private static <T> T method(Map<String, T> counts, String method) {
        T count = counts.get(method);
        return count != null ? count : counts.get("OTHER");
    }

    private static Counter byStatus(Counter[] counters, int status) {
        return counters[Math.min(Math.max(status / 100, 1), 6)]; // a status outside 100..699 never passes the stack
    }

    /**
     * {@code rcv_requests} by method: those the servlet sees, and for OPTIONS also the pings the stack answers
     * without it ({@link StackState#pings}).
     */
    private static Map<String, LongAdder> received(MeterRegistry registry) {
        Map<String, LongAdder> counts = new HashMap<>();
        for (String method : METHODS) {
            LongAdder count = new LongAdder();
            counts.put(method, count);
            FunctionCounter.builder("interchange.core.rcv_requests", count, "OPTIONS".equals(method)
                            ? c -> c.sum() + StackState.pings() : LongAdder::sum)
                    .description("requests received").tag("method", method).register(registry);
        }
        return Map.copyOf(counts);
    }

    private static Map<String, Counter> byMethod(MeterRegistry registry, String name, String description) {
        Map<String, Counter> counters = new HashMap<>();
        for (String method : METHODS) {
            counters.put(method, Counter.builder(name).description(description).tag("method", method)
                    .register(registry));
        }
        return Map.copyOf(counters);
    }

    /** Counters by code class ({@code 1xx} .. {@code 6xx}), indexed by the status's first digit. */
    private static Counter[] byClass(MeterRegistry registry, String name, String description) {
        Counter[] counters = new Counter[7];
        for (int c = 1; c <= 6; c++) {
            counters[c] = Counter.builder(name).description(description).tag("code", c + "xx").register(registry);
        }
        return counters;
    }

    private static Counter counter(MeterRegistry registry, String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }
}
