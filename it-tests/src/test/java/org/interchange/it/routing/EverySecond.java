package org.interchange.it.routing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.enterprise.context.ApplicationScoped;

import org.interchange.routing.spi.TimerHook;

/** A timer hook ({@code timer_route}) named {@value #NAME}, run every second: it counts its runs. */
@ApplicationScoped
public class EverySecond implements TimerHook {

    static final String NAME = "routing-it-every-second";

    private final AtomicInteger runs = new AtomicInteger();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration interval() {
        return Duration.ofSeconds(1);
    }

    @Override
    public void run() {
        runs.incrementAndGet();
    }

    int runs() {
        return runs.get();
    }
}
