package org.interchange.registrar;

import java.util.List;

import org.interchange.container.config.RouterConfiguration;

/**
 * Registrar settings (RFC 3261 10.3 step 7; seconds).
 *
 * @param minExpires     {@code registrar.min-expires}: shorter non-zero expirations get 423 (default 60)
 * @param maxExpires     {@code registrar.max-expires}: longer ones are cut to this (default 3600)
 * @param defaultExpires {@code registrar.default-expires}: when the REGISTER names none (default 3600)
 * @param maxContacts    {@code registrar.max-contacts}: bindings per address-of-record, 0 for no limit (default 10)
 */
public record RegistrarSettings(int minExpires, int maxExpires, int defaultExpires, int maxContacts) {

    /** The keys, all of which {@code reload} applies. */
    public static final List<String> KEYS = List.of("registrar.min-expires", "registrar.max-expires",
            "registrar.default-expires", "registrar.max-contacts");

    private static final int ONE_DAY = 86_400;
    private static final int ONE_YEAR = 365 * ONE_DAY;

    public static RegistrarSettings from(RouterConfiguration config) {
        int min = config.integer("registrar.min-expires", 60, 1, ONE_DAY);
        int max = config.integer("registrar.max-expires", 3600, 1, ONE_YEAR);
        int fallback = config.integer("registrar.default-expires", Math.min(3600, max), 1, ONE_YEAR);
        if (max < min) {
            throw config.invalid("registrar.max-expires", "is below registrar.min-expires (" + min + ")");
        }
        if (fallback < min || fallback > max) {
            throw config.invalid("registrar.default-expires", "must lie between registrar.min-expires (" + min
                    + ") and registrar.max-expires (" + max + ")");
        }
        return new RegistrarSettings(min, max, fallback, config.integer("registrar.max-contacts", 10, 0, 1000));
    }
}
