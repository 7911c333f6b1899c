package org.interchange.location;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.interchange.container.config.RouterConfiguration;

/**
 * Location settings.
 *
 * @param timerInterval {@code location.timer-interval}: seconds between purges of expired bindings (default 60,
 *                      1..3600); lookups never return an expired binding, whatever this is
 * @param dbMode        {@code location.db-mode}: when a change reaches the database (default write-behind)
 * @param flushInterval {@code location.flush-interval}: milliseconds between writes of the changed
 *                      addresses-of-record in write-behind mode (default 1000, 100..60000): what a crash can lose
 */
public record LocationSettings(Duration timerInterval, DbMode dbMode, Duration flushInterval) {

    /** When a change reaches the database: OpenSIPS usrloc's {@code db_mode}. */
    public enum DbMode {
        /** Before the change is in memory and answered ({@code db_mode=1}): a failing database refuses it. */
        WRITE_THROUGH,
        /** Memory at once, the database at the next flush ({@code db_mode=2}): no database on the REGISTER path. */
        WRITE_BEHIND;

        /** The name in the configuration file: {@code write-through}, {@code write-behind}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static DbMode parse(String text) {
            return Arrays.stream(values()).filter(mode -> mode.key().equalsIgnoreCase(text)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("expected " + Arrays.stream(values())
                            .map(DbMode::key).collect(Collectors.joining(" or "))));
        }
    }

    public static LocationSettings from(RouterConfiguration config) {
        return new LocationSettings(Duration.ofSeconds(config.integer("location.timer-interval", 60, 1, 3600)),
                config.parsed("location.db-mode", DbMode.WRITE_BEHIND, DbMode::parse),
                Duration.ofMillis(config.integer("location.flush-interval", 1000, 100, 60_000)));
    }
}
