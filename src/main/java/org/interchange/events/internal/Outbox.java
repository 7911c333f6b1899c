package org.interchange.events.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.interchange.core.Scheduler;
import org.interchange.events.DestinationState;
import org.interchange.events.EventSettings;
import org.interchange.events.EventSettings.Destination;
import org.interchange.events.RouterEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events waiting for one destination, and their delivery: a bounded queue that {@link #offer} fills from any
 * thread without ever blocking (a SIP thread, the expiry timer), emptied oldest first by one drain at a time on the
 * events work queue. A failed delivery keeps the event and the drain stops; the scheduler starts the next one after
 * {@code events.retry-initial}, doubled at each further failure up to {@code events.retry-max}. Before each attempt,
 * events older than {@code events.max-age} are dropped and counted, so that a destination that comes back gets only
 * what is still worth knowing. When the queue is full the oldest event is dropped for the new one (the newest says
 * most about the router's state now; the oldest would be the next to grow too old), and counted. The log says once
 * when a destination starts failing, once when its queue first overflows or an event first grows too old, and once
 * when it takes events again. Thread-safe.
 */
public final class Outbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final Destination destination;
    private final Sender sender;
    private final EventJson json;
    private final EventSettings settings;
    private final Clock clock;
    private final Executor executor;
    private final Scheduler scheduler;

    /** A drain runs, is queued, or waits for its retry: {@link #offer} then starts none. */
    private final AtomicBoolean draining = new AtomicBoolean();

    // guarded by this
    private final Deque<RouterEvent> queue = new ArrayDeque<>();
    private long delivered;
    private long droppedFull;
    private long droppedOld;
    private boolean overflowLogged;
    private boolean ageLogged;
    private int failures;
    private String lastError;
    private Instant lastErrorAt;

    Outbox(Destination destination, Sender sender, EventJson json, EventSettings settings, Clock clock,
           Executor executor, Scheduler scheduler) {
        this.destination = destination;
        this.sender = sender;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
        this.executor = executor;
        this.scheduler = scheduler;
    }

    /** For a destination of the settings, delivering on {@code executor}. */
    public static Outbox of(Destination destination, EventSettings settings, Clock clock, Executor executor,
                            Scheduler scheduler) {
        return new Outbox(destination, Sender.of(destination, settings.timeout()), new EventJson(settings.node()),
                settings, clock, executor, scheduler);
    }

    public Destination destination() {
        return destination;
    }

    /** Queues an event and starts a drain unless one is under way or waiting to retry. Never blocks. */
    public void offer(RouterEvent event) {
        synchronized (this) {
            if (queue.size() >= settings.queueSize()) {
                queue.pollFirst();
                droppedFull++;
                if (!overflowLogged) {
                    overflowLogged = true;
                    log.warn("Events to {}: {} events queued, the most it holds (events.queue-size); dropping the "
                            + "oldest for each new one until it takes events again", destination.name(),
                            queue.size() + 1);
                }
            }
            queue.addLast(event);
        }
        if (draining.compareAndSet(false, true)) {
            submitDrain();
        }
    }

    private void submitDrain() {
        try {
            executor.execute(this::runDrain);
        } catch (RejectedExecutionException stopping) {
            draining.set(false);
        }
    }

    private void runDrain() {
        Optional<Duration> retry = drain();
        if (retry.isPresent()) {
            try {
                scheduler.after(retry.get(), this::submitDrain);
            } catch (RejectedExecutionException stopping) {
                // the router is stopping: what is queued is lost, as OpenSIPS's queued events are at a restart
            }
            return;
        }
        draining.set(false);
        // an event offered after the drain found the queue empty, but before the flag was cleared
        if (queued() > 0 && draining.compareAndSet(false, true)) {
            submitDrain();
        }
    }

    /**
     * Delivers the queued events, oldest first, until the queue is empty or a delivery fails. One drain at a time.
     *
     * @return empty when the queue is empty; after a failure, how long to wait before the next attempt
     */
    Optional<Duration> drain() {
        while (true) {
            RouterEvent next;
            synchronized (this) {
                dropTooOld();
                next = queue.peekFirst();
            }
            if (next == null) {
                return Optional.empty();
            }
            try {
                sender.send(next, json.encode(next));
            } catch (IOException | RuntimeException e) {
                return Optional.of(failed(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of(failed(e));
            }
            delivered(next);
        }
    }

    private synchronized void dropTooOld() {
        Instant oldest = clock.instant().minus(settings.maxAge());
        while (!queue.isEmpty() && queue.peekFirst().time().isBefore(oldest)) {
            queue.pollFirst();
            droppedOld++;
            if (!ageLogged) {
                ageLogged = true;
                log.warn("Events to {}: dropping undelivered events older than {} s (events.max-age)",
                        destination.name(), settings.maxAge().toSeconds());
            }
        }
    }

    private synchronized void delivered(RouterEvent event) {
        // the head may have been dropped meanwhile by a full queue: then it is gone already
        if (queue.peekFirst() == event) {
            queue.pollFirst();
        }
        delivered++;
        if (failures > 0) {
            log.info("Events to {} ({}) are delivered again after {} failed attempts; dropped so far: {} for a full "
                    + "queue, {} too old", destination.name(), destination.shownUrl(), failures, droppedFull,
                    droppedOld);
        }
        failures = 0;
        overflowLogged = false;
        ageLogged = false;
    }

    private synchronized Duration failed(Exception error) {
        failures++;
        lastError = error.getMessage() == null ? error.toString() : error.getMessage();
        lastErrorAt = clock.instant();
        Duration wait = backoff(failures);
        if (failures == 1) {
            log.warn("Events to {} ({}) cannot be delivered: {}; retrying with growing waits up to {} ms, holding up "
                    + "to {} events for up to {} s", destination.name(), destination.shownUrl(), lastError,
                    settings.retryMax().toMillis(), settings.queueSize(), settings.maxAge().toSeconds());
        } else {
            log.debug("Events to {}: attempt {} failed: {}; next in {} ms", destination.name(), failures, lastError,
                    wait.toMillis());
        }
        return wait;
    }

    /** The wait after the n-th failure in a row: retry-initial, doubled each time, at most retry-max. */
    Duration backoff(int failuresInARow) {
        Duration wait = settings.retryInitial();
        for (int i = 1; i < failuresInARow && wait.compareTo(settings.retryMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.retryMax()) < 0 ? wait : settings.retryMax();
    }

    synchronized int queued() {
        return queue.size();
    }

    public synchronized DestinationState state() {
        return new DestinationState(destination.name(), destination.transport().name().toLowerCase(Locale.ROOT),
                destination.shownUrl(), destination.events(), sender.connected(), queue.size(), delivered,
                droppedFull, droppedOld, failures, lastError,
                lastErrorAt == null ? null : lastErrorAt.toString());
    }

    @Override
    public void close() {
        sender.close();
    }
}
