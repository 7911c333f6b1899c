package org.interchange.tracing;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.event.Observes;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.interchange.core.RouterStarting;

/**
 * The traced messages lost, as the statistic {@code tracing:dropped} by {@code destination} ({@code hep},
 * {@code database}): a full backlog, an unreachable HEP collector, a failing database ({@link Tracing#dropped}).
 */
@ApplicationScoped
class TracingStats {

    void register(@Observes RouterStarting starting, Tracing tracing, MeterRegistry registry) {
        for (String destination : tracing.dropped().keySet()) {
            FunctionCounter.builder("interchange.tracing.dropped", tracing,
                            traced -> traced.dropped().get(destination))
                    .description("traced messages lost").tag("destination", destination).register(registry);
        }
    }
}
