package org.interchange.tracing;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a trace sends what it selects. */
public enum Destination {
    /** The HEP collectors of {@code tracing.hep} (Homer). */
    HEP,
    /** The {@code sip_trace} table. */
    DATABASE;

    /** The name in the API: {@code hep}, {@code database}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Destination parse(String text) {
        return Arrays.stream(values()).filter(to -> to.key().equalsIgnoreCase(text.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is no destination; expected "
                        + Arrays.stream(values()).map(Destination::key).collect(Collectors.joining(" or "))));
    }
}
