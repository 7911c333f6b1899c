package org.interchange.core.sip;

import java.text.ParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import gov.nist.javax.sip.address.GenericURI;
import gov.nist.javax.sip.parser.URLParser;

/**
 * A {@code sip:} or {@code sips:} URI. Parsed by the JAIN-SIP parser, whose URI comparison implements RFC 3261
 * section 19.1.4; {@link #sameAs} uses it. Immutable.
 */
public final class SipUri {

    private final gov.nist.javax.sip.address.SipUri uri;
    private final String text;

    private SipUri(gov.nist.javax.sip.address.SipUri uri) {
        this.uri = uri;
        this.text = uri.encode();
    }

    /** Whether a URI's scheme is sip or sips: other schemes (tel, mailto, ...) are not routed as SIP URIs. */
    public static boolean hasSipScheme(String uriText) {
        String lower = uriText.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith("sip:") || lower.startsWith("sips:");
    }

    /**
     * Parses a SIP or SIPS URI.
     *
     * @throws SipSyntaxException when the text is not a valid sip/sips URI
     */
    public static SipUri parse(String text) {
        if (!hasSipScheme(text)) {
            throw new SipSyntaxException("not a sip or sips URI: " + text);
        }
        try {
            GenericURI parsed = new URLParser(text.trim()).parse();
            if (!(parsed instanceof gov.nist.javax.sip.address.SipUri sip)) {
                throw new SipSyntaxException("not a sip or sips URI: " + text);
            }
            if (sip.getHost() == null || sip.getHost().isEmpty()) {
                throw new SipSyntaxException("URI without a host: " + text);
            }
            return new SipUri(sip);
        } catch (ParseException e) {
            throw new SipSyntaxException("malformed URI " + text + ": " + e.getMessage());
        }
    }

    /** {@code sip} or {@code sips}. */
    public String scheme() {
        return uri.getScheme().toLowerCase(Locale.ROOT);
    }

    /** The user part as written (escapes kept); empty when the URI has none. */
    public Optional<String> user() {
        return Optional.ofNullable(uri.getUser()).filter(user -> !user.isEmpty());
    }

    /** The host, lower case, IPv6 without brackets. */
    public String host() {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /** The port, when the URI names one. */
    public OptionalInt port() {
        int port = uri.getPort();
        return port > 0 ? OptionalInt.of(port) : OptionalInt.empty();
    }

    /** A URI parameter; present with an empty value for a flag parameter such as {@code lr}. */
    public Optional<String> param(String name) {
        Iterator<String> names = uri.getParameterNames();
        while (names.hasNext()) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                String value = uri.getParameter(candidate);
                return Optional.of(value == null ? "" : value);
            }
        }
        return Optional.empty();
    }

    /** The transport parameter, lower case. */
    public Optional<String> transport() {
        return param("transport").map(t -> t.toLowerCase(Locale.ROOT));
    }

    /** This URI with a parameter set to a value, replacing the parameter's old value. */
    public SipUri withParam(String name, String value) {
        gov.nist.javax.sip.address.SipUri copy = (gov.nist.javax.sip.address.SipUri) uri.clone();
        try {
            copy.setParameter(name, value);
        } catch (ParseException e) {
            throw new SipSyntaxException("bad URI parameter " + name + "=" + value + ": " + e.getMessage());
        }
        return new SipUri(copy);
    }

    /** This URI with another user part ({@code $rU}); empty for none. */
    public SipUri withUser(String user) {
        gov.nist.javax.sip.address.SipUri copy = (gov.nist.javax.sip.address.SipUri) uri.clone();
        if (user.isEmpty()) {
            copy.removeUser();
        } else {
            copy.setUser(user);
        }
        return new SipUri(copy);
    }

    /** This URI with another host ({@code $rd}). */
    public SipUri withHost(String host) {
        gov.nist.javax.sip.address.SipUri copy = (gov.nist.javax.sip.address.SipUri) uri.clone();
        try {
            copy.setHost(host);
        } catch (ParseException e) {
            throw new SipSyntaxException("bad host " + host + ": " + e.getMessage());
        }
        return new SipUri(copy);
    }

    /** Whether the URI carries escaped header fields ({@code ?Route=...}). */
    public boolean hasHeaders() {
        return uri.getHeaderNames().hasNext();
    }

    /** RFC 3261 section 19.1.4 URI equality. */
    public boolean sameAs(SipUri other) {
        return uri.equals(other.uri);
    }

    @Override
    public String toString() {
        return text;
    }
}
