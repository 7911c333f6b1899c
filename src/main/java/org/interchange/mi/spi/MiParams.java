package org.interchange.mi.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parameters of one call, by name (a positional call's named after the matching parameter set). Immutable. */
public final class MiParams {

    private final Map<String, Object> values;

    public MiParams(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    /** Whether the call gave a parameter. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** A parameter given as text (a JSON string or number); {@link MiError#invalidParams} otherwise. */
    public String text(String name) {
        return optionalText(name).orElseThrow(() -> MiError.invalidParams("Missing parameter '" + name + "'"));
    }

    /** A parameter given as text, if the call gave it. */
    public Optional<String> optionalText(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String || value instanceof Number) {
            return Optional.of(value.toString());
        }
        throw MiError.invalidParams("Bad type for parameter '" + name + "'");
    }

    /** A parameter given as an array of texts (OpenSIPS's {@code statistics}), or as one text. */
    public List<String> texts(String name) {
        Object value = values.get(name);
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(text(name));
    }

    /** An integer parameter (a JSON number, or a string of digits, as OpenSIPS accepts both). */
    public int number(String name) {
        String text = text(name).trim();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw MiError.invalidParams("Bad type for parameter '" + name + "'");
        }
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
