package org.interchange.stats;

import javax.annotation.PreDestroy;
import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.inject.Produces;
import javax.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The router's one meter registry, a Prometheus one, with the JVM's meters (memory, garbage collection, threads,
 * class loading, CPU, uptime) bound to it. Capabilities inject {@link MeterRegistry} and register their meters on it
 * once, under {@code interchange.<group>.<statistic>}, and keep them (a meter looked up per message costs a map
 * lookup and a tag array).
 */
@ApplicationScoped
public class Meters {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public Meters() {
        // what promtool's lint refuses: an abbreviated unit (process_cpu_time_ns_total), a gauge named *_count
        registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")
                || id.getName().equals("system.cpu.count")));
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** The registry every capability registers its meters on (a singleton: Weld cannot proxy a MeterRegistry). */
    @Produces
    @Singleton
    MeterRegistry registry() {
        return registry;
    }

    /** The registry as Prometheus scrapes it. */
    PrometheusMeterRegistry prometheus() {
        return registry;
    }

    @PreDestroy
    void close() {
        gc.close(); // it listens to the JVM's GC notifications, which outlive the web application
        registry.close();
    }
}
