package org.interchange.routing;

import java.util.Objects;

/**
 * The typed name of a transaction attribute (an OpenSIPS AVP): declare one as a constant and use it to add and read
 * values, so that a step and a failure hook agree on the type.
 *
 * @param name a name unique among the attributes a route uses
 * @param type the values' type
 */
public record Attribute<T>(String name, Class<T> type) {

    public Attribute {
        Objects.requireNonNull(type, "type");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an attribute needs a name");
        }
    }

    public static <T> Attribute<T> of(String name, Class<T> type) {
        return new Attribute<>(name, type);
    }
}
