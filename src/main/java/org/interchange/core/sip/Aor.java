package org.interchange.core.sip;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An address-of-record, {@code user@domain}: the key of registrations and subscribers.
 *
 * <p>The user part is case-sensitive (RFC 3261 19.1.4) and kept in a canonical escaped form: escapes of characters
 * that need none are resolved ({@code %61lice} is {@code alice}), the others are kept with upper-case hex
 * ({@code %00} stays, and never truncates the user). The domain is lower case.
 */
public record Aor(String user, String domain) {

    private static final String USER_UNRESERVED = "-_.!~*'()&=+$,;?/";

    public Aor {
        if (user.isEmpty() || domain.isEmpty()) {
            throw new IllegalArgumentException("an address-of-record needs a user and a domain");
        }
        user = canonicalUser(user);
        domain = domain.toLowerCase(Locale.ROOT);
    }

    /** Parses {@code user@domain} (a leading {@code sip:} is accepted). */
    public static Aor parse(String text) {
        String plain = text.regionMatches(true, 0, "sip:", 0, 4) ? text.substring(4) : text;
        int at = plain.lastIndexOf('@');
        if (at <= 0 || at == plain.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not user@domain");
        }
        return new Aor(plain.substring(0, at), plain.substring(at + 1));
    }

    /** The user part in canonical escaped form. */
    static String canonicalUser(String user) {
        byte[] raw = unescape(user);
        StringBuilder canonical = new StringBuilder(raw.length);
        for (byte b : raw) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || USER_UNRESERVED.indexOf(c) >= 0)) {
                canonical.append((char) c);
            } else {
                canonical.append('%').append(String.format("%02X", c));
            }
        }
        return canonical.toString();
    }

    private static byte[] unescape(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    @Override
    public String toString() {
        return user + "@" + domain;
    }
}
