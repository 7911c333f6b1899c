package org.interchange.location;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.interchange.core.RouterStarting;

/**
 * usrloc's gauges, read from the {@link Location} in memory when asked: {@code usrloc:registered_users} and
 * {@code usrloc:location-contacts} (OpenSIPS's per-table statistic of the {@code location} table).
 */
@ApplicationScoped
class LocationStats {

    void register(@Observes RouterStarting starting, Location location, MeterRegistry registry) {
        Gauge.builder("interchange.usrloc.registered_users", location, Location::registeredUsers)
                .description("addresses-of-record with bindings").strongReference(true).register(registry);
        Gauge.builder("interchange.usrloc.location-contacts", location, Location::contacts)
                .description("bindings (contacts) in the location table").strongReference(true)
                .register(registry);
    }
}
