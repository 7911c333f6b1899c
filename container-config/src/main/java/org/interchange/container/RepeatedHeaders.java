package org.interchange.container;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds header fields that RFC 3261 allows once (Call-ID, From, To, CSeq, Max-Forwards, Content-Length) but that a
 * message carries several times (RFC 4475 3.3.8, 3.3.9). JAIN-SIP keeps one of them in silence; a router must not
 * guess which dialog or which framing was meant.
 */
final class RepeatedHeaders {

    /** Long names by lower-case name, compact forms included. */
    private static final Map<String, String> SINGLETONS = Map.ofEntries(
            Map.entry("call-id", "Call-ID"), Map.entry("i", "Call-ID"),
            Map.entry("from", "From"), Map.entry("f", "From"),
            Map.entry("to", "To"), Map.entry("t", "To"),
            Map.entry("cseq", "CSeq"),
            Map.entry("max-forwards", "Max-Forwards"),
            Map.entry("content-length", "Content-Length"), Map.entry("l", "Content-Length"));

    private RepeatedHeaders() {
    }

    /** The first single-valued header field that a message's header section repeats, or null. */
    static String firstRepeatedSingleton(String message) {
        Set<String> seen = new HashSet<>();
        String[] lines = message.split("\\r\\n|\\n", -1);
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                continue; // a continuation line
            }
            String name = SINGLETONS.get(line.substring(0, colon).trim().toLowerCase(Locale.ROOT));
            if (name != null && !seen.add(name)) {
                return name;
            }
        }
        return null;
    }
}
