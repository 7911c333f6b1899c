package org.interchange.tracing;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a trace selects: OpenSIPS's {@code trace_start} filters. */
public enum Match {
    /** Every message. */
    ALL,
    /** Messages whose From, To or Request-URI is the value: {@code user@domain}, or {@code user} in any domain. */
    USER,
    /** Messages whose From URI is the value, as {@link #USER} compares it: OpenSIPS's {@code caller=}. */
    CALLER,
    /** Requests whose Request-URI is the value, as {@link #USER} compares it: OpenSIPS's {@code callee=}. */
    CALLEE,
    /** Messages exchanged with a peer: its address, {@code 198.51.100.7} or {@code [2001:db8::7]:5060}. */
    SOURCE,
    /** The messages of one Call-ID. */
    CALLID;

    /**
     * The name in the API and configuration: {@code all}, {@code user}, {@code caller}, {@code callee},
     * {@code source}, {@code callid}.
     */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Match parse(String text) {
        return Arrays.stream(values()).filter(match -> match.key().equalsIgnoreCase(text.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is no match; expected "
                        + Arrays.stream(values()).map(Match::key).collect(Collectors.joining(", "))));
    }
}
