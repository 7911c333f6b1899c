package org.interchange.tracing.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

import org.interchange.tracing.HepDestination;
import org.interchange.tracing.TracedMessage;

/**
 * The HEP collector of one trace (trace_start's {@code hep:} URI): a {@link HepSender} of its own, used by the
 * collectors' backlog thread while the trace runs and closed by whoever stops it. A lock keeps the two apart, so
 * that a stop waits at most for one send (bounded by the sender's timeout) and nothing is sent once it is closed.
 * Thread-safe.
 */
public final class TraceCollector {

    private final HepSender sender;
    private final LongAdder dropped;
    private boolean closed;

    /** @param dropped counts the packets not sent, the collector's drops added to those of others */
    public TraceCollector(HepDestination destination, int captureId, Optional<String> password, Clock clock,
                          LongAdder dropped) {
        this.sender = new HepSender(List.of(destination), captureId, password, clock);
        this.dropped = dropped;
    }

    /** Sends a message, or drops it once the trace stopped. */
    public synchronized void send(TracedMessage message) {
        if (closed) {
            return;
        }
        long before = sender.dropped();
        sender.send(List.of(message));
        dropped.add(sender.dropped() - before);
    }

    /** Closes the socket; nothing is sent after. */
    public synchronized void close() {
        closed = true;
        sender.close();
    }
}
