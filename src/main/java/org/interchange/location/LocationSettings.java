package org.interchange.location;

import java.time.Duration;

import org.interchange.container.config.RouterConfiguration;

/**
 * Location settings.
 *
 * @param timerInterval {@code location.timer-interval}: seconds between purges of expired bindings (default 60,
 *                      1..3600); lookups never return an expired binding, whatever this is
 */
public record LocationSettings(Duration timerInterval) {

    public static LocationSettings from(RouterConfiguration config) {
        return new LocationSettings(Duration.ofSeconds(config.integer("location.timer-interval", 60, 1, 3600)));
    }
}
