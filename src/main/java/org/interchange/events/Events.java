package org.interchange.events;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import javax.annotation.PreDestroy;
import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.event.Observes;
import javax.inject.Inject;

import org.interchange.container.config.RouterConfiguration;
import org.interchange.core.RouterStarting;
import org.interchange.core.Scheduler;
import org.interchange.core.WorkQueues;
import org.interchange.events.internal.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's events on their way out: {@link #publish} hands an event to every destination that wants it, each of
 * which delivers on a thread of the {@code events} work queue, so the caller (a SIP thread) never waits for a webhook
 * or a broker. Later capabilities and integrators publish their own events here; the router's are published by
 * {@link CapabilityEvents}. Thread-safe.
 */
@ApplicationScoped
public class Events {

    private static final Logger log = LoggerFactory.getLogger(Events.class);

    private RouterConfiguration config;
    private Clock clock;
    private Scheduler scheduler;
    private WorkQueues workQueues;
    private volatile List<Outbox> outboxes = List.of();

    protected Events() {
        // for CDI's proxy
    }

    @Inject
    public Events(RouterConfiguration config, Clock clock, Scheduler scheduler, WorkQueues workQueues) {
        this.config = config;
        this.clock = clock;
        this.scheduler = scheduler;
        this.workQueues = workQueues;
    }

    /** Reads the destinations before the router takes traffic, so that a bad one stops the start. */
    void start(@Observes RouterStarting starting) {
        EventSettings settings = EventSettings.from(config);
        if (settings.destinations().isEmpty()) {
            return;
        }
        // one thread per destination: a slow one never delays the others
        int count = settings.destinations().size();
        Executor executor = workQueues.create("events", count, count);
        outboxes = settings.destinations().stream()
                .map(destination -> Outbox.of(destination, settings, clock, executor, scheduler)).toList();
        settings.destinations().forEach(destination -> log.info("Events {} go to {} ({})",
                destination.events().isEmpty() ? "of every kind" : destination.events(), destination.name(),
                destination.shownUrl()));
    }

    /** Queues an event for every destination that wants it; never blocks. */
    public void publish(RouterEvent event) {
        for (Outbox outbox : outboxes) {
            if (outbox.destination().wants(event.name())) {
                outbox.offer(event);
            }
        }
    }

    /** Publishes {@link EventNames#TEST} now, to every destination that wants it, and returns it. */
    public RouterEvent publishTest() {
        RouterEvent test = new RouterEvent(EventNames.TEST, clock.instant(),
                Map.of("message", "a test event, sent from the admin API"));
        publish(test);
        return test;
    }

    /** Every destination, in file order. */
    public List<DestinationState> destinations() {
        return outboxes.stream().map(Outbox::state).toList();
    }

    @PreDestroy
    void stop() {
        outboxes.forEach(Outbox::close);
    }
}
