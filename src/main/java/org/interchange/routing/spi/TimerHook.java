package org.interchange.routing.spi;

import java.time.Duration;

/**
 * A named task run every {@link #interval()} on the router's one scheduler (OpenSIPS's {@code timer_route}); listed
 * by {@code GET /api/timers}. A run that throws is logged and the task runs again at its next interval. A CDI bean
 * in the WAR.
 */
public interface TimerHook {

    /** The timer's name, unique among the router's timers. */
    String name();

    Duration interval();

    void run();
}
