package org.interchange.core.sip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The header fields of a message: names compared without case, each with its values in order (one entry per
 * value, as the container splits comma-separated lists). Immutable: a header field's values are read once, from a
 * map or from the message itself the first time a bean asks for them ({@link #readOnDemand}), and stay as read.
 * Thread-safe.
 */
public final class SipHeaders {

    private final Function<String, List<String>> source;
    private final Map<String, List<String>> read = new ConcurrentHashMap<>();

    private SipHeaders(Function<String, List<String>> source) {
        this.source = source;
    }

    /** A builder; add values in message order. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Header fields read from a message only when asked for: a bean reads the few it needs, and the others are
     * never turned into text (most of the cost of copying them all, per message).
     *
     * @param values the values of a header field by its name, in order; empty when absent
     */
    public static SipHeaders readOnDemand(Function<String, List<String>> values) {
        return new SipHeaders(values);
    }

    /** All values of a header field, in order; empty when absent. */
    public List<String> all(String name) {
        return read.computeIfAbsent(key(name), key -> List.copyOf(source.apply(name)));
    }

    /** The first value of a header field. */
    public Optional<String> first(String name) {
        List<String> all = all(name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Whether the header field is present. */
    public boolean has(String name) {
        return !all(name).isEmpty();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The header fields read so far. */
    @Override
    public String toString() {
        return read.toString();
    }

    /** Collects header values. */
    public static final class Builder {
        private final Map<String, List<String>> values = new LinkedHashMap<>();

        public Builder add(String name, String value) {
            values.computeIfAbsent(key(name), k -> new ArrayList<>()).add(value);
            return this;
        }

        public SipHeaders build() {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
            return new SipHeaders(name -> copy.getOrDefault(key(name), List.of()));
        }
    }
}
