package org.interchange.health;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.event.Event;
import javax.enterprise.event.Observes;
import javax.inject.Inject;

import org.interchange.container.StackState;
import org.interchange.container.config.IpAddresses;
import org.interchange.core.RouterStarting;
import org.interchange.core.Scheduler;
import org.interchange.core.WorkQueues;
import org.interchange.core.persistence.Database;
import org.interchange.listener.Listeners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's liveness and readiness. Live while it runs; ready once it has started, every configured SIP listener
 * is open and the database (migrated at start) answers. The database is probed every {@link #PROBE_INTERVAL} by
 * the {@code database-probe} timer, on a thread of its own (the work queue {@code database-probe}), each probe
 * bounded by {@code database.timeout}: a health request reads the last outcome and never waits for the database,
 * and no SIP thread ever probes. A change of the outcome fires {@link DatabaseStateChanged}. Thread-safe.
 */
@ApplicationScoped
public class Health {

    static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    static final String PROBE = "database-probe";

    private static final Logger log = LoggerFactory.getLogger(Health.class);

    private Runnable ping;
    private Supplier<List<String>> openListeners;
    private List<String> configuredListeners;
    private Clock clock;
    private Consumer<DatabaseStateChanged> changes;
    /** The last probe's outcome; null before the first. */
    private volatile DatabaseStateChanged database;
    private volatile boolean started;

    protected Health() {
        // for CDI's proxy
    }

    @Inject
    Health(Database database, Listeners listeners, Clock clock, Event<DatabaseStateChanged> events) {
        this(database::ping, StackState::listening, listeners.all().stream()
                .map(l -> l.transport().token() + ":" + IpAddresses.text(l.address()) + ":" + l.port()).toList(),
                clock, events::fire);
    }

    /**
     * @param ping                throws when the database does not answer
     * @param openListeners       the listening points open now, as {@code transport:address:port}
     * @param configuredListeners those that must be, likewise
     * @param changes             told when the database's reachability changes
     */
    Health(Runnable ping, Supplier<List<String>> openListeners, List<String> configuredListeners, Clock clock,
           Consumer<DatabaseStateChanged> changes) {
        this.ping = ping;
        this.openListeners = openListeners;
        this.configuredListeners = List.copyOf(configuredListeners);
        this.clock = clock;
        this.changes = changes;
    }

    /** Probes once now (the database was just migrated), then every {@link #PROBE_INTERVAL}. */
    void start(@Observes RouterStarting starting, Scheduler scheduler, WorkQueues queues) {
        probe();
        Executor prober = queues.create(PROBE, 1, 1);
        scheduler.every(PROBE, PROBE_INTERVAL, () -> {
            try {
                prober.execute(this::probe);
            } catch (RejectedExecutionException stillProbing) {
                // the last probe still waits for the database, within database.timeout
            }
        });
        started = true;
    }

    /** Asks the database whether it answers, and tells {@link DatabaseStateChanged} when that changed. */
    void probe() {
        DatabaseStateChanged now;
        try {
            ping.run();
            now = new DatabaseStateChanged(true, "the database answers", clock.instant());
        } catch (RuntimeException e) {
            now = new DatabaseStateChanged(false, e.getMessage(), clock.instant());
        }
        DatabaseStateChanged before = database;
        database = now;
        if (before != null && before.reachable() != now.reachable()) {
            if (now.reachable()) {
                log.info("The database is reachable again");
            } else {
                log.warn("The database is unreachable: {}; the router is not ready until it answers", now.detail());
            }
            changes.accept(now);
        }
    }

    /** Live: the router runs (its web application answers). */
    public HealthReport liveness() {
        return HealthReport.of(List.of(HealthReport.Check.of("router", true, "running")));
    }

    /** Ready: started, every SIP listener open, the database reachable at the last probe. */
    public HealthReport readiness() {
        List<HealthReport.Check> checks = new ArrayList<>();
        checks.add(HealthReport.Check.of("router", started, started ? "started" : "starting"));
        List<String> open = openListeners.get();
        List<String> closed = configuredListeners.stream().filter(listener -> !open.contains(listener)).toList();
        checks.add(HealthReport.Check.of("sip-listeners", closed.isEmpty(), closed.isEmpty()
                ? "open: " + String.join(", ", configuredListeners) : "not open: " + String.join(", ", closed)));
        DatabaseStateChanged last = database;
        checks.add(last == null ? HealthReport.Check.of("database", false, "not checked yet")
                : HealthReport.Check.of("database", last.reachable(), last.detail() + " (at " + last.at() + ")"));
        return HealthReport.of(checks);
    }
}
