package org.interchange.tracing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
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
import org.interchange.tracing.internal.TraceCollector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIP tracing: starts and stops traces, selects the messages they ask for as the SIP stack sends and receives them,
 * and hands those to the HEP collectors and the {@code sip_trace} table, each through its own bounded backlog and
 * thread; the collectors traces bring of their own share a third. While no trace runs the stack is not even asked
 * to report messages. Thread-safe.
 */
@ApplicationScoped
public class Tracing {

    private static final Logger log = LoggerFactory.getLogger(Tracing.class);

    /** A running trace, its compiled test and its own collector if it has one. */
    private record Running(TraceFilter filter, Predicate<TappedMessage> selects, Optional<TraceCollector> collector) {
    }

    /** A message for the collector of one trace. */
    private record ForCollector(TracedMessage message, TraceCollector collector) {
    }

    private TracingSettings settings;
    private Clock clock;
    private WorkQueues queues;
    private SipTraceTable table;
    private HepSender hep;
    private Backlog<TracedMessage> toHep;
    private Backlog<TracedMessage> toDatabase;
    private Backlog<ForCollector> toCollectors;
    private final LongAdder collectorsDropped = new LongAdder();
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
        this.toCollectors = new Backlog<>("tracing-collectors", settings.queueSize(),
                batch -> batch.forEach(item -> item.collector().send(item.message())));
    }

    void start(@Observes RouterStarting starting) {
        if (!settings.hep().isEmpty()) {
            toHep.start(queues);
        }
        if (settings.database()) {
            toDatabase.start(queues);
        }
        toCollectors.start(queues);
        settings.atStart().forEach(trace -> start(trace.match(), trace.value(), settings.destinations()));
    }

    /**
     * Starts a trace of the admin API and the configuration: from now on every message it selects goes to
     * {@code to}. The router names it with a number.
     *
     * @param to where the messages go; empty for every destination configured
     * @throws InvalidTraceException when the value does not fit the match, or a destination is not configured
     */
    public synchronized TraceFilter start(Match match, String value, Set<Destination> to) {
        String id;
        do {
            id = String.valueOf(ids.incrementAndGet());
        } while (isRunning(id)); // a caller of trace_start may have taken the number
        return start(TraceFilter.of(id, match, value, to.isEmpty() ? settings.destinations() : to, clock.instant()));
    }

    /**
     * Starts a trace named by the caller (OpenSIPS's {@code trace_start}): from now on every message that passes
     * all {@code conditions}, and what the {@code scope} brings with it, goes to {@code to} and to the trace's own
     * {@code collector}, whose socket is opened at its first message and closed when the trace stops.
     *
     * @throws InvalidTraceException when a trace of that id runs, a destination is not configured, or the trace
     *                               lacks a condition or a destination
     */
    public synchronized TraceFilter start(String id, List<Condition> conditions, Scope scope, Set<Destination> to,
                                          Optional<HepDestination> collector) {
        if (isRunning(id)) {
            throw new InvalidTraceException("trace id already used");
        }
        return start(new TraceFilter(id, conditions, scope, to, collector, clock.instant()));
    }

    private synchronized TraceFilter start(TraceFilter filter) {
        for (Destination destination : filter.to()) {
            if (!settings.destinations().contains(destination)) {
                throw new InvalidTraceException("no " + destination.key() + " destination is configured ("
                        + (destination == Destination.HEP ? "tracing.hep" : "tracing.database") + ")");
            }
        }
        Optional<TraceCollector> collector = filter.collector().map(destination -> new TraceCollector(destination,
                settings.captureId(), settings.password(), clock, collectorsDropped));
        List<Running> more = new ArrayList<>(running);
        more.add(new Running(filter, filter.selector(), collector));
        running = List.copyOf(more);
        SipTap.listen(listener);
        log.info("Trace {} started: {} ({}) to {}{}", filter.id(), filter.conditions(), filter.scope(), filter.to(),
                filter.collector().map(destination -> " and " + destination).orElse(""));
        return filter;
    }

    private boolean isRunning(String id) {
        return running.stream().anyMatch(trace -> trace.filter().id().equals(id));
    }

    /** Stops a trace (OpenSIPS's {@code trace_stop}) and closes its own collector; false when none has that id. */
    public synchronized boolean stop(String id) {
        List<Running> fewer = running.stream().filter(trace -> !trace.filter().id().equals(id)).toList();
        if (fewer.size() == running.size()) {
            return false;
        }
        List<Running> stopped = running.stream().filter(trace -> trace.filter().id().equals(id)).toList();
        running = fewer;
        if (fewer.isEmpty()) {
            SipTap.stop(listener);
        }
        // after the SIP threads stopped queueing for it: waits at most for one send in progress
        stopped.forEach(trace -> trace.collector().ifPresent(TraceCollector::close));
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
        return Map.of("hep", toHep.dropped() + hep.dropped() + toCollectors.dropped() + collectorsDropped.sum(),
                "database", toDatabase.dropped());
    }

    /**
     * On the SIP stack's thread: the destinations configured of every trace that selects the message get one copy,
     * the collector of each such trace its own.
     */
    private void tapped(TappedMessage message) {
        Set<Destination> to = EnumSet.noneOf(Destination.class);
        List<TraceCollector> collectors = new ArrayList<>(0);
        for (Running trace : running) {
            if (trace.selects().test(message)) {
                to.addAll(trace.filter().to());
                trace.collector().ifPresent(collectors::add);
            }
        }
        if (to.isEmpty() && collectors.isEmpty()) {
            return;
        }
        TracedMessage copy = TracedMessage.of(message);
        collectors.forEach(collector -> toCollectors.offer(new ForCollector(copy, collector)));
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
        running.forEach(trace -> trace.collector().ifPresent(TraceCollector::close));
    }
}
