package org.interchange.routing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Request-scoped variables, OpenSIPS's {@code $var(name)}: alive while the request route runs, gone when it ends.
 */
public final class Variables {

    private final Map<String, Object> values = new HashMap<>();

    public void set(String name, Object value) {
        values.put(name, value);
    }

    public <T> Optional<T> get(String name, Class<T> type) {
        return Optional.ofNullable(values.get(name)).map(type::cast);
    }

    public void remove(String name) {
        values.remove(name);
    }
}
