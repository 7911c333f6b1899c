package org.interchange.container;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.spi.LoggingEvent;
import org.apache.log4j.spi.ThrowableInformation;

/**
 * The router's latest warnings and errors, kept in memory for the admin API ({@code GET /api/errors}) and the
 * console's dashboard: a log4j appender ({@code conf/log4j.properties}: {@code log4j.appender.recent}, threshold
 * WARN) holding the last {@link #setCapacity capacity} events (default {@value #DEFAULT_CAPACITY}), the oldest
 * forgotten first. OpenSIPS has no such thing; its operators grep syslog.
 *
 * <p>log4j creates the appender from the configuration, outside CDI and outside the WAR, so the WAR reaches the
 * events through {@link #latest()}, which reads the appender log4j configured last. Appending and reading are
 * thread-safe; an append costs one lock and a bounded queue's add, and happens only for WARN and above.
 */
public class RecentErrors extends AppenderSkeleton {

    /** One warning or error as logged. */
    public record Event(Instant time, String level, String logger, String thread, String message, String thrown) {
    }

    static final int DEFAULT_CAPACITY = 100;

    private static volatile RecentErrors configured;

    private final ArrayDeque<Event> events = new ArrayDeque<>();
    private int capacity = DEFAULT_CAPACITY;

    /** The latest warnings and errors, oldest first; empty when log4j has no such appender. */
    public static List<Event> latest() {
        RecentErrors appender = configured;
        return appender == null ? List.of() : appender.events();
    }

    /** How many events are kept (log4j sets it from {@code log4j.appender.recent.Capacity}): 1..10000. */
    public void setCapacity(int capacity) {
        if (capacity < 1 || capacity > 10_000) {
            throw new IllegalArgumentException("Capacity " + capacity + ": expected 1..10000");
        }
        this.capacity = capacity;
    }

    @Override
    public void activateOptions() {
        configured = this;
    }

    @Override
    protected void append(LoggingEvent event) {
        ThrowableInformation thrown = event.getThrowableInformation();
        Event recorded = new Event(Instant.ofEpochMilli(event.getTimeStamp()), event.getLevel().toString(),
                event.getLoggerName(), event.getThreadName(), event.getRenderedMessage(),
                thrown == null || thrown.getThrowable() == null ? null : thrown.getThrowable().toString());
        synchronized (events) {
            if (events.size() >= capacity) {
                events.removeFirst();
            }
            events.addLast(recorded);
        }
    }

    List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    @Override
    public boolean requiresLayout() {
        return false;
    }

    @Override
    public void close() {
        closed = true;
        if (configured == this) {
            configured = null;
        }
    }
}
