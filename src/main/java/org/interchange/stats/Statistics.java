package org.interchange.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.enterprise.context.ApplicationScoped;
import javax.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;

/**
 * The router's statistics as OpenSIPS names them ({@code get_statistics}, {@code reset_statistics}): every meter
 * registered as {@code interchange.<group>.<name>} is the statistic {@code group:name}, its value summed over its
 * tags (a counter's count, a timer's number of calls, a gauge's value). Counters and timers can be reset, gauges
 * cannot (OpenSIPS's {@code STAT_NO_RESET}). A reset is kept here as a baseline subtracted from what the meter
 * holds, so that Prometheus still sees a counter that only grows. Thread-safe.
 */
@ApplicationScoped
public class Statistics {

    /** The name asking for every statistic. */
    public static final String ALL = "all";
    static final String PREFIX = "interchange.";

    private MeterRegistry registry;
    /** What a resettable meter held at its last reset, by meter. */
    private final Map<Meter.Id, Double> baselines = new ConcurrentHashMap<>();

    protected Statistics() {
        // for CDI's proxy
    }

    @Inject
    public Statistics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * The values of the named statistics, by {@code group:name}, in name order. A name is {@code group:name},
     * {@code group:} (every statistic of the group), {@code name} (that statistic of any group) or {@value #ALL},
     * in any case; an empty collection asks for all.
     *
     * @throws IllegalArgumentException naming the first name that matches no statistic
     */
    public Map<String, Number> get(Collection<String> names) {
        return values(match(names, true));
    }

    /** As {@link #get}, but a name that matches no statistic is skipped, as OpenSIPS's {@code get_statistics} does. */
    public Map<String, Number> getKnown(Collection<String> names) {
        return values(match(names, false));
    }

    /**
     * Resets the named counters to zero, as {@code reset_statistics}; gauges among them are left as they are.
     *
     * @return the statistics reset, by {@code group:name}, in name order
     * @throws IllegalArgumentException naming the first name that matches no statistic
     */
    public List<String> reset(Collection<String> names) {
        return reset(match(names, true));
    }

    /**
     * As {@link #reset}, but a name that matches no statistic is skipped, as OpenSIPS's {@code reset_statistics}
     * does.
     *
     * @return the statistics that matched (gauges among them, which keep their value), in name order
     */
    public List<String> resetKnown(Collection<String> names) {
        List<Matched> matched = match(names, false);
        reset(matched);
        return matched.stream().map(Matched::statistic).distinct().sorted().toList();
    }

    private Map<String, Number> values(List<Matched> matched) {
        Map<String, Double> sums = new TreeMap<>();
        for (Matched each : matched) {
            sums.merge(each.statistic(), value(each.meter()) - baselines.getOrDefault(each.meter().getId(), 0.0),
                    Double::sum);
        }
        Map<String, Number> values = new LinkedHashMap<>();
        sums.forEach((name, sum) -> values.put(name, number(sum)));
        return values;
    }

    private List<String> reset(List<Matched> matched) {
        Set<String> reset = new TreeSet<>();
        for (Matched each : matched) {
            if (resettable(each.meter())) {
                baselines.put(each.meter().getId(), value(each.meter()));
                reset.add(each.statistic());
            }
        }
        return List.copyOf(reset);
    }

    /** The groups there are statistics of, in name order. */
    public List<String> groups() {
        return registry.getMeters().stream().map(Statistics::statistic).flatMap(Optional::stream)
                .map(name -> name.substring(0, name.indexOf(':'))).distinct().sorted().toList();
    }

    /** Whether a statistic can be reset (a counter or a timer, not a gauge). */
    public boolean resettable(String statistic) {
        return match(List.of(statistic), false).stream().anyMatch(matched -> resettable(matched.meter()));
    }

    private record Matched(String statistic, Meter meter) {
    }

    /** The meters the names select; {@code strict}: a name that selects none is refused. */
    private List<Matched> match(Collection<String> names, boolean strict) {
        List<Matched> all = new ArrayList<>();
        for (Meter meter : registry.getMeters()) {
            statistic(meter).ifPresent(statistic -> all.add(new Matched(statistic, meter)));
        }
        if (names.isEmpty() || names.contains(ALL)) {
            return all;
        }
        List<Matched> matched = new ArrayList<>();
        for (String name : names) {
            List<Matched> these = all.stream().filter(m -> matches(name.trim(), m.statistic())).toList();
            if (these.isEmpty() && strict) {
                throw new IllegalArgumentException("no statistic " + name + " (a name is group:name, group:, name or "
                        + ALL + ")");
            }
            matched.addAll(these);
        }
        return matched;
    }

    private static boolean matches(String name, String statistic) {
        int colon = name.indexOf(':');
        if (colon < 0) {
            return statistic.substring(statistic.indexOf(':') + 1).equalsIgnoreCase(name);
        }
        return colon == name.length() - 1 ? statistic.regionMatches(true, 0, name, 0, name.length())
                : statistic.equalsIgnoreCase(name);
    }

    /** {@code group:name} of a meter named {@code interchange.<group>.<name>}; empty for the JVM's and others. */
    static Optional<String> statistic(Meter meter) {
        String name = meter.getId().getName();
        int dot = name.indexOf('.', PREFIX.length());
        if (!name.startsWith(PREFIX) || dot < 0) {
            return Optional.empty();
        }
        return Optional.of(name.substring(PREFIX.length(), dot) + ":" + name.substring(dot + 1));
    }

    private static boolean resettable(Meter meter) {
        return meter instanceof Counter || meter instanceof FunctionCounter || meter instanceof Timer;
    }

    private static double value(Meter meter) {
        if (meter instanceof Counter counter) {
            return counter.count();
        }
        if (meter instanceof FunctionCounter counter) {
            return counter.count();
        }
        if (meter instanceof Timer timer) {
            return timer.count();
        }
        if (meter instanceof TimeGauge gauge) {
            return gauge.value(TimeUnit.MILLISECONDS);
        }
        if (meter instanceof Gauge gauge) {
            return gauge.value();
        }
        return 0;
    }

    /** A whole number as a long (counts), anything else as it is. */
    private static Number number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Number) (long) value : (Number) value;
    }
}
