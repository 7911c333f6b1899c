package org.interchange.events;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An event as it leaves the router: a name (OpenSIPS's where one matches, see {@link EventNames}), when it happened,
 * and its parameters, in the order they were given. Delivered as JSON:
 * <pre>{"name": "E_UL_CONTACT_INSERT", "time": "2026-12-07T01:50:00.123Z", "node": "sip1", "params": {...}}</pre>
 *
 * @param name   the event's name, such as {@code E_UL_CONTACT_INSERT}
 * @param time   when it happened
 * @param params its parameters: strings, numbers, booleans and lists of them; null values are left out
 */
public record RouterEvent(String name, Instant time, Map<String, Object> params) {

    public RouterEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(time, "time");
        Map<String, Object> copy = new LinkedHashMap<>();
        params.forEach((key, value) -> {
            if (value != null) {
                copy.put(key, value);
            }
        });
        params = Collections.unmodifiableMap(copy);
    }
}
