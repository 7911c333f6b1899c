package org.interchange.it.malformed;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.interchange.it.support.sip.IpFamily;
import org.interchange.it.support.sip.Transport;

/**
 * One message file of RFC 4475 ({@code wsinv.dat}), and the addressing rule of its README ("How the harness sends
 * them"): only addressing bytes change, in every SIP message of the payload. The Request-URI's host[:port] becomes
 * the router's (for {@code sip:} and {@code sips:} URIs only); the sent-by of the top Via and the host[:port] of
 * every Route URI become the sender's. Brackets, folding, spacing, parameters and everything else stay byte for byte,
 * so a Content-Length stays right. Immutable.
 */
final class TortureMessage {

    /** The octets are handled one char each, so that nothing is decoded or re-encoded. */
    private static final Charset OCTETS = StandardCharsets.ISO_8859_1;
    private static final String HEADER_END = "\r\n\r\n";
    /** A header field begins a line; a line that begins with SP or HT continues the field above (folding). */
    private static final Pattern FIELD_START = Pattern.compile("(?<=\n)(?=[^ \t])");
    /** The method, the spaces after it, an opening bracket, the scheme, userinfo, then host (3) and port (4). */
    private static final Pattern REQUEST_URI = Pattern.compile(
            "^(\\S+ +<?(?i:sips?):)([^@\\s>]*@)?(\\[[^\\]\\s]*\\]|[^;?>:\\s]+)(:\\d*)?");
    /** {@code SIP / 2.0 / UDP}, with any LWS (2: the transport), then the sent-by: host (3) and port (4). */
    private static final Pattern VIA_SENT_BY = Pattern.compile(
            "^(\\s*SIP\\s*/\\s*[^\\s/]+\\s*/\\s*([^\\s/;,]+)\\s+)(\\[[^\\]\\s]*\\]|[^\\s;:,]+)(:\\d+)?",
            Pattern.CASE_INSENSITIVE);
    /** A SIP URI inside a Route value: scheme and userinfo (1), then host (2) and port (3). */
    private static final Pattern ROUTE_URI = Pattern.compile(
            "((?i:sips?):(?:[^@\\s>;,]*@)?)(\\[[^\\]\\s]*\\]|[^;?>:\\s,]+)(:\\d+)?");
    private static final Pattern BRANCH = Pattern.compile(";\\s*branch\\s*=\\s*([^;,\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTENT_LENGTH = Pattern.compile("^(?:content-length|l)[ \\t]*:[ \\t]*(\\S*)[ \\t]*\r?$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private final String name;
    private final String octets;

    TortureMessage(String name, byte[] bytes) {
        this.name = name;
        this.octets = new String(bytes, OCTETS);
    }

    /** Reads a {@code <name>.dat} file as it is. */
    static TortureMessage read(Path file) throws IOException {
        return new TortureMessage(file.getFileName().toString().replaceFirst("\\.dat$", ""), Files.readAllBytes(file));
    }

    /** The message's name in RFC 4475: {@code wsinv}. */
    String name() {
        return name;
    }

    /**
     * How it is sent: over TCP when its top Via says TCP, otherwise over UDP (TLS and the others too, as the README
     * says: there is no TLS sender).
     */
    Transport transport() {
        return topVia(headerSections().get(0)).map(via -> VIA_SENT_BY.matcher(via))
                .filter(Matcher::find).map(via -> via.group(2))
                .filter(token -> token.equalsIgnoreCase("TCP")).map(token -> Transport.TCP).orElse(Transport.UDP);
    }

    /** The payload to send from {@code sender} to {@code server}, addressed by the README's rule. */
    byte[] addressed(InetSocketAddress server, InetSocketAddress sender) {
        String serverHostPort = hostPort(server);
        String senderHostPort = hostPort(sender);
        StringBuilder payload = new StringBuilder();
        int copied = 0;
        for (int[] section : sectionBounds()) {
            payload.append(octets, copied, section[0]);
            payload.append(address(octets.substring(section[0], section[1]), serverHostPort, senderHostPort));
            copied = section[1];
        }
        payload.append(octets.substring(copied));
        return payload.toString().getBytes(OCTETS);
    }

    /**
     * The branches of the SIP messages that follow the first in the payload ({@code dblreq}'s INVITE): octets that
     * a server must ignore (RFC 3261 18.3), so nothing may answer them.
     */
    Set<String> trailingBranches() {
        Set<String> branches = new HashSet<>();
        List<String> sections = headerSections();
        for (String section : sections.subList(1, sections.size())) {
            topVia(section).map(BRANCH::matcher).filter(Matcher::find).ifPresent(branch -> branches.add(branch.group(1)));
        }
        return branches;
    }

    @Override
    public String toString() {
        return name;
    }

    /** The header sections (start line and header fields) of the SIP messages in the payload. */
    private List<String> headerSections() {
        return sectionBounds().stream().map(bounds -> octets.substring(bounds[0], bounds[1])).toList();
    }

    /**
     * Where each message's header section begins and ends. A message whose Content-Length frames its body within
     * the payload may be followed by another, after any blank lines; otherwise the rest is its body.
     */
    private List<int[]> sectionBounds() {
        List<int[]> bounds = new ArrayList<>();
        int start = 0;
        while (start < octets.length()) {
            int blankLine = octets.indexOf(HEADER_END, start);
            int headerEnd = blankLine < 0 ? octets.length() : blankLine + HEADER_END.length();
            bounds.add(new int[] {start, headerEnd});
            OptionalInt bodyLength = contentLength(octets.substring(start, headerEnd));
            if (bodyLength.isEmpty() || headerEnd + bodyLength.getAsInt() > octets.length()) {
                break;
            }
            start = headerEnd + bodyLength.getAsInt();
            while (start < octets.length() && (octets.charAt(start) == '\r' || octets.charAt(start) == '\n')) {
                start++;
            }
        }
        return bounds;
    }

    /** The body length a header section states: one Content-Length (or {@code l}) field with a number, else none. */
    private static OptionalInt contentLength(String header) {
        Matcher field = CONTENT_LENGTH.matcher(header);
        List<String> values = new ArrayList<>();
        while (field.find()) {
            values.add(field.group(1));
        }
        return values.size() == 1 && values.get(0).matches("\\d{1,9}") ? OptionalInt.of(Integer.parseInt(values.get(0)))
                : OptionalInt.empty();
    }

    /** One header section with the addressing rule applied. */
    private static String address(String section, String server, String sender) {
        String[] fields = FIELD_START.split(section);
        fields[0] = replaceHostPort(REQUEST_URI, fields[0], 3, 4, server, false);
        boolean topVia = true;
        for (int i = 1; i < fields.length; i++) {
            String name = fieldName(fields[i]);
            if (topVia && isVia(name)) {
                fields[i] = rewriteValue(fields[i], value -> replaceHostPort(VIA_SENT_BY, value, 3, 4, sender, false));
                topVia = false;
            } else if (name.equalsIgnoreCase("Route")) {
                fields[i] = rewriteValue(fields[i], value -> replaceHostPort(ROUTE_URI, value, 2, 3, sender, true));
            }
        }
        return String.join("", fields);
    }

    /** The value of the first Via field of a header section, folding included. */
    private static Optional<String> topVia(String section) {
        String[] fields = FIELD_START.split(section);
        for (int i = 1; i < fields.length; i++) {
            if (isVia(fieldName(fields[i]))) {
                return Optional.of(fields[i].substring(fields[i].indexOf(':') + 1));
            }
        }
        return Optional.empty();
    }

    private static boolean isVia(String fieldName) {
        return fieldName.equalsIgnoreCase("Via") || fieldName.equalsIgnoreCase("v");
    }

    /** A field's name: what comes before its colon, without the spaces some messages put there ({@code Via  :}). */
    private static String fieldName(String field) {
        int colon = field.indexOf(':');
        return colon < 0 ? "" : field.substring(0, colon).trim();
    }

    private static String rewriteValue(String field, Function<String, String> rewrite) {
        int colon = field.indexOf(':');
        return field.substring(0, colon + 1) + rewrite.apply(field.substring(colon + 1));
    }

    /** Replaces the host group and the port group after it with {@code hostPort}, once or at every match. */
    private static String replaceHostPort(Pattern pattern, String text, int hostGroup, int portGroup, String hostPort,
                                          boolean everyMatch) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder replaced = new StringBuilder();
        int copied = 0;
        while (matcher.find()) {
            int end = matcher.end(portGroup) >= 0 ? matcher.end(portGroup) : matcher.end(hostGroup);
            replaced.append(text, copied, matcher.start(hostGroup)).append(hostPort);
            copied = end;
            if (!everyMatch) {
                break;
            }
        }
        return replaced.append(text.substring(copied)).toString();
    }

    private static String hostPort(InetSocketAddress address) {
        return IpFamily.uriHost(address.getAddress()) + ":" + address.getPort();
    }
}
