package org.interchange.tracing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import javax.annotation.PreDestroy;
import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.event.Observes;
import javax.inject.Inject;

import org.interchange.container.config.RouterConfiguration;
import org.interchange.container.trace.SipTap;
import org.interchange.container.trace.TappedMessage;
import org.interchange.core.RouterStarting;
import org.interchange.core.WorkQueues;
import org.interchange.core.persistence.Database;
import org.interchange.tracing.internal.Backlog;
import org.interchange.tracing.internal.HepSender;
import org.interchange.tracing.internal.SipTraceTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIP tracing: starts and stops traces, selects the messages they ask for as the SIP stack sends and receives them,
 * and hands those to the HEP collectors and the {@code sip_trace} table, each through its own bounded backlog and
 * thread. While no trace runs the stack is not even asked to report messages. Thread-safe.
 */
@ApplicationScoped
public class Tracing {

    private static final Logger log = LoggerFactory.getLogger(Tracing.class);

    /** A running trace and its compiled test. */
    private record Running(TraceFilter filter, Predicate<TappedMessage> selects) {
    }

    private TracingSettings settings;
    private Clock clock;
    private WorkQueues queues;
    private SipTraceTable table;
    private HepSender hep;
    private Backlog<TracedMessage> toHep;
    private Backlog<TracedMessage> toDatabase;
    private final SipTap.Listener listener = this::tapped;
    private final AtomicLong ids = new AtomicLong();
    /** Replaced whole on every change: the SIP threads read it without a lock. */
    private volatile List<Running> running = List.of();

    protected Tracing() {
        // for CDI's proxy
    }

    @Inject
    Tracing(RouterConfiguration config, Database database, WorkQueues queues, Clock clock) {
        this.settings = TracingSettings.from(config);
        this.clock = clock;
        this.queues = queues;
        this.table = new SipTraceTable(database);
        this.hep = new HepSender(settings.hep(), settings.captureId(), settings.password(), clock);
        this.toHep = new Backlog<>("tracing-hep", settings.queueSize(), hep::send);
        this.toDatabase = new Backlog<>("tracing-db", settings.queueSize(), table::write);
    }

    void start(@Observes RouterStarting starting) {
        if (!settings.hep().isEmpty()) {
            toHep.start(queues);
        }
        if (settings.database()) {
            toDatabase.start(queues);
        }
        settings.atStart().forEach(trace -> start(trace.match(), trace.value(), settings.destinations()));
    }

    /**
     * Starts a trace (OpenSIPS's {@code trace_start}): from now on every message it selects goes to {@code to}.
     *
     * @param to where the messages go; empty for every destination configured
     * @throws InvalidTraceException when the value does not fit the match, or a destination is not configured
     */
    public TraceFilter start(Match match, String value, Set<Destination> to) {
        Set<Destination> destinations = to.isEmpty() ? settings.destinations() : to;
        for (Destination destination : destinations) {
            if (!settings.destinations().contains(destination)) {
                throw new InvalidTraceException("no " + destination.key() + " destination is configured ("
                        + (destination == Destination.HEP ? "tracing.hep" : "tracing.database") + ")");
            }
        }
        TraceFilter filter = new TraceFilter(String.valueOf(ids.incrementAndGet()), match, value, destinations,
                clock.instant());
        Running trace = new Running(filter, filter.selector());
        synchronized (this) {
            List<Running> more = new ArrayList<>(running);
            more.add(trace);
            running = List.copyOf(more);
            SipTap.listen(listener);
        }
        log.info("Trace {} started: {} {} to {}", filter.id(), match.key(), filter.value(), destinations);
        return filter;
    }

    /** Stops a trace (OpenSIPS's {@code trace_stop}); false when none has that id. */
    public synchronized boolean stop(String id) {
        List<Running> fewer = running.stream().filter(trace -> !trace.filter().id().equals(id)).toList();
        if (fewer.size() == running.size()) {
            return false;
        }
        running = fewer;
        if (fewer.isEmpty()) {
            SipTap.stop(listener);
        }
        log.info("Trace {} stopped", id);
        return true;
    }

    /** The running traces, oldest first. */
    public List<TraceFilter> traces() {
        return running.stream().map(Running::filter).toList();
    }

    /**
     * The messages of a Call-ID stored in {@code sip_trace}, in the order they were traced.
     *
     * @throws org.interchange.core.persistence.DatabaseUnavailableException when the database fails
     */
    public List<TracedMessage> messages(String callId) {
        return table.messages(callId);
    }

    /** The Call-IDs most recently stored in {@code sip_trace}, at most {@code limit}. */
    public List<TracedCall> calls(int limit) {
        return table.calls(limit);
    }

    /** Messages lost so far: backlogs full, HEP collectors unreachable, the database failing. */
    public Map<String, Long> dropped() {
        return Map.of("hep", toHep.dropped() + hep.dropped(), "database", toDatabase.dropped());
    }

    /** On the SIP stack's thread: the destinations of every trace that selects the message get a copy. */
    private void tapped(TappedMessage message) {
        Set<Destination> to = EnumSet.noneOf(Destination.class);
        for (Running trace : running) {
            if (trace.selects().test(message)) {
                to.addAll(trace.filter().to());
            }
        }
        if (to.isEmpty()) {
            return;
        }
        TracedMessage copy = TracedMessage.of(message);
        if (to.contains(Destination.HEP)) {
            toHep.offer(copy);
        }
        if (to.contains(Destination.DATABASE)) {
            toDatabase.offer(copy);
        }
    }

    @PreDestroy
    void close() {
        SipTap.stop(listener);
        hep.close();
    }
}
