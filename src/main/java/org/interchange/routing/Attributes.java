package org.interchange.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Transaction attributes, OpenSIPS's AVPs: typed, multi-valued, alive from the request route until the transaction
 * ends, seen by the branch, reply and failure hooks of the same transaction. As with AVPs, {@link #get} reads the
 * value added last. Not thread-safe: a transaction's hooks run one at a time.
 */
public final class Attributes {

    private final Map<String, List<Object>> values = new HashMap<>();

    /** Adds a value on top of those the attribute has ({@code $avp(name) = value}). */
    public <T> void add(Attribute<T> attribute, T value) {
        values.computeIfAbsent(attribute.name(), name -> new ArrayList<>(1)).add(attribute.type().cast(value));
    }

    /** Replaces all values of the attribute with one ({@code $avp(name) := value}). */
    public <T> void set(Attribute<T> attribute, T value) {
        List<Object> list = new ArrayList<>(1);
        list.add(attribute.type().cast(value));
        values.put(attribute.name(), list);
    }

    /** The value added last. */
    public <T> Optional<T> get(Attribute<T> attribute) {
        List<Object> list = values.get(attribute.name());
        return list == null || list.isEmpty() ? Optional.empty()
                : Optional.of(attribute.type().cast(list.get(list.size() - 1)));
    }

    /** All values, oldest first ({@code $(avp(name)[*])}). */
    public <T> List<T> all(Attribute<T> attribute) {
        List<Object> list = values.getOrDefault(attribute.name(), List.of());
        return list.stream().map(attribute.type()::cast).toList();
    }

    /** Removes every value of the attribute. */
    public void remove(Attribute<?> attribute) {
        values.remove(attribute.name());
    }

    public boolean has(Attribute<?> attribute) {
        List<Object> list = values.get(attribute.name());
        return list != null && !list.isEmpty();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
