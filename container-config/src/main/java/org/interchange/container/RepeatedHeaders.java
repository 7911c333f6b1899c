package org.interchange.container;

import java.nio.charset.StandardCharsets;

/**
 * Reads what the router must know of a received request's raw bytes before JAIN-SIP's parse hides it: the SIP version
 * of its request line (JAIN-SIP writes SIP/2.0 whatever it was), and the header fields that RFC 3261 allows once
 * (Call-ID, From, To, CSeq, Max-Forwards, Content-Length) but that the message carries several times (RFC 4475 3.3.8,
 * 3.3.9): JAIN-SIP keeps one of them in silence, and a router must not guess which dialog or which framing was meant.
 *
 * <p>It runs for every request received, so it scans the bytes in place: no copy of the message, no split into
 * lines, no string per header name (the profile of 2026-12-06 found the string-based scan at 6 % of the router's
 * CPU).
 */
final class RepeatedHeaders {

    /** The single-valued header fields, as written in a reply; the index of each is its bit in a set of those seen. */
    private static final String[] SINGLETONS = {"Call-ID", "From", "To", "CSeq", "Max-Forwards", "Content-Length"};
    /** Their names as they may appear, lower case, compact forms included, with the index of the field they name. */
    private static final byte[][] NAMES = {ascii("call-id"), ascii("i"), ascii("from"), ascii("f"), ascii("to"),
            ascii("t"), ascii("cseq"), ascii("max-forwards"), ascii("content-length"), ascii("l")};
    private static final int[] FIELD_OF_NAME = {0, 0, 1, 1, 2, 2, 3, 4, 5, 5};
    private static final byte[] SIP_2_0 = ascii("sip/2.0");

    private RepeatedHeaders() {
    }

    /** Whether the request line of a message ends in SIP/2.0 (in any case). */
    static boolean isSip20(byte[] message) {
        int end = lineEnd(message, 0);
        while (end > 0 && isWhitespace(message[end - 1])) {
            end--;
        }
        return end >= SIP_2_0.length && matches(message, end - SIP_2_0.length, end, SIP_2_0)
                && (end == SIP_2_0.length || message[end - SIP_2_0.length - 1] == ' ');
    }

    /** The first single-valued header field that a message's header section repeats, or null. */
    static String firstRepeatedSingleton(byte[] message) {
        int seen = 0;
        int line = nextLine(message, lineEnd(message, 0));
        while (line < message.length && message[line] != '\r' && message[line] != '\n') {
            int end = lineEnd(message, line);
            int field = singletonAt(message, line, end);
            if (field >= 0) {
                if ((seen & 1 << field) != 0) {
                    return SINGLETONS[field];
                }
                seen |= 1 << field;
            }
            line = nextLine(message, end);
        }
        return null;
    }

    /** The index of the single-valued field a header line names, or -1 (another field, or a continuation line). */
    private static int singletonAt(byte[] message, int start, int end) {
        if (isWhitespace(message[start])) {
            return -1; // a continuation line
        }
        int nameEnd = start;
        while (nameEnd < end && message[nameEnd] != ':') {
            nameEnd++;
        }
        if (nameEnd == end) {
            return -1;
        }
        while (nameEnd > start && isWhitespace(message[nameEnd - 1])) {
            nameEnd--; // "CSeq : 1 INVITE"
        }
        for (int i = 0; i < NAMES.length; i++) {
            if (matches(message, start, nameEnd, NAMES[i])) {
                return FIELD_OF_NAME[i];
            }
        }
        return -1;
    }

    /** Whether {@code message[start, end)} is {@code lowerCase}, ignoring ASCII case. */
    private static boolean matches(byte[] message, int start, int end, byte[] lowerCase) {
        if (end - start != lowerCase.length) {
            return false;
        }
        for (int i = 0; i < lowerCase.length; i++) {
            byte b = message[start + i];
            if ((b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b) != lowerCase[i]) {
                return false;
            }
        }
        return true;
    }

    /** The index of the CR or LF that ends the line starting at {@code start}, or the message's length. */
    private static int lineEnd(byte[] message, int start) {
        int i = start;
        while (i < message.length && message[i] != '\r' && message[i] != '\n') {
            i++;
        }
        return i;
    }

    /** The start of the line after the one that ends at {@code end} (CRLF, or a bare LF as JAIN-SIP accepts). */
    private static int nextLine(byte[] message, int end) {
        if (end < message.length && message[end] == '\r') {
            end++;
        }
        return end < message.length && message[end] == '\n' ? end + 1 : end;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t';
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
