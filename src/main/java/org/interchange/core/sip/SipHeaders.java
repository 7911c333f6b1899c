package org.interchange.core.sip;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The header fields of a message: names compared without case, each with its values in order (one entry per
 * value, as the container splits comma-separated lists). Immutable.
 */
public final class SipHeaders {

    private final Map<String, List<String>> values;

    private SipHeaders(Map<String, List<String>> values) {
        this.values = values;
    }

    /** A builder; add values in message order. */
    public static Builder builder() {
        return new Builder();
    }

    /** All values of a header field, in order; empty when absent. */
    public List<String> all(String name) {
        return values.getOrDefault(key(name), List.of());
    }

    /** The first value of a header field. */
    public Optional<String> first(String name) {
        List<String> all = all(name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Whether the header field is present. */
    public boolean has(String name) {
        return values.containsKey(key(name));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Collects header values. */
    public static final class Builder {
        private final Map<String, List<String>> values = new LinkedHashMap<>();

        public Builder add(String name, String value) {
            values.computeIfAbsent(key(name), k -> new java.util.ArrayList<>()).add(value);
            return this;
        }

        public SipHeaders build() {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
            return new SipHeaders(copy);
        }
    }
}
