package org.interchange.it.routing;

import java.util.concurrent.atomic.AtomicInteger;

import javax.enterprise.context.ApplicationScoped;

import org.interchange.routing.spi.StartupHook;

/**
 * A startup hook ({@code startup_route}) that notes how often it ran and how many requests the route had seen by
 * then; {@link ProbeStep} tells a test.
 */
@ApplicationScoped
public class StartupRecorder implements StartupHook {

    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int requestsBeforeStartup = -1;

    @Override
    public void onStartup() {
        requestsBeforeStartup = requests.get();
        runs.incrementAndGet();
    }

    /** Called by {@link ProbeStep} for every request it sees: it runs for all of them. */
    void requestRouted() {
        requests.incrementAndGet();
    }

    int runs() {
        return runs.get();
    }

    /** How many requests the route had seen when the hook ran; -1 before it ran. */
    int requestsBeforeStartup() {
        return requestsBeforeStartup;
    }
}
