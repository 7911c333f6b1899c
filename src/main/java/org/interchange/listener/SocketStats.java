package org.interchange.listener;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.event.Observes;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.interchange.core.RouterStarting;
import org.interchange.listener.SocketChoice.Reason;

/**
 * The socket policy's counters: decisions per reason, and forced sockets that could not be used (a listener that
 * does not exist for the arrival address, or one of the wrong address family). Thread-safe. In the statistics:
 * {@code socket:decisions} (tagged by {@code reason}) and {@code socket:forced_unusable}.
 */
@ApplicationScoped
public class SocketStats {

    private final Map<Reason, LongAdder> decisions = new EnumMap<>(Reason.class);
    private final LongAdder unusableForced = new LongAdder();

    public SocketStats() {
        for (Reason reason : Reason.values()) {
            decisions.put(reason, new LongAdder());
        }
    }

    /** Counts a decision. */
    public void decided(Reason reason) {
        decisions.get(reason).increment();
    }

    /** Counts a forced socket that was passed over. */
    public void forcedUnusable() {
        unusableForced.increment();
    }

    /** Shows the counters as meters, read when scraped. */
    void register(@Observes RouterStarting starting, MeterRegistry registry) {
        decisions.forEach((reason, count) -> FunctionCounter.builder("interchange.socket.decisions", count,
                        LongAdder::sum).description("socket policy decisions").tag("reason", name(reason))
                .register(registry));
        FunctionCounter.builder("interchange.socket.forced_unusable", unusableForced, LongAdder::sum)
                .description("forced sockets passed over: missing, or of the wrong address family")
                .register(registry);
    }

    private static String name(Reason reason) {
        return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The counters by name: {@code rule}, {@code registration}, ..., {@code forced-unusable}. */
    public Map<String, Long> snapshot() {
        Map<String, Long> counters = new LinkedHashMap<>();
        decisions.forEach((reason, count) -> counters.put(name(reason), count.sum()));
        counters.put("forced-unusable", unusableForced.sum());
        return counters;
    }
}
