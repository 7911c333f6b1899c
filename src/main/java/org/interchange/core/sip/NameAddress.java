package org.interchange.core.sip;

import java.text.ParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import gov.nist.javax.sip.header.Contact;
import gov.nist.javax.sip.header.ContactList;
import gov.nist.javax.sip.parser.ContactParser;

/**
 * A header value of the name-addr or addr-spec form with header parameters: To, From, Contact, Route, Path.
 * Parameter names are lower case. The URI is kept as text, because it may use any scheme; {@link #sipUri()} parses
 * it when it is a SIP URI.
 *
 * @param displayName the display name, unquoted; empty when absent
 * @param uri         the URI as written
 * @param params      header parameters (not URI parameters), names lower case, flag parameters with ""
 */
public record NameAddress(Optional<String> displayName, String uri, Map<String, String> params) {

    public NameAddress {
        params = Map.copyOf(params);
    }

    /**
     * Parses one header value.
     *
     * @throws SipSyntaxException when it is not a name-addr or addr-spec
     */
    public static NameAddress parse(String value) {
        try {
            ContactList list = (ContactList) new ContactParser("Contact: " + value + "\n").parse();
            if (list.size() != 1 || ((Contact) list.getFirst()).isWildCard()) {
                throw new SipSyntaxException("not a single address: " + value);
            }
            Contact contact = (Contact) list.getFirst();
            Map<String, String> params = new LinkedHashMap<>();
            Iterator<String> names = contact.getParameterNames();
            while (names.hasNext()) {
                String name = names.next();
                String paramValue = contact.getParameter(name);
                params.put(name.toLowerCase(Locale.ROOT), paramValue == null ? "" : paramValue);
            }
            String display = contact.getAddress().getDisplayName();
            return new NameAddress(Optional.ofNullable(display).filter(d -> !d.isEmpty()),
                    contact.getAddress().getURI().toString(), params);
        } catch (ParseException | ClassCastException e) {
            throw new SipSyntaxException("malformed address " + value + ": " + e.getMessage());
        }
    }

    /** The URI as a SIP URI. */
    public SipUri sipUri() {
        return SipUri.parse(uri);
    }

    /** A header parameter. */
    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The {@code tag} parameter. */
    public Optional<String> tag() {
        return param("tag");
    }
}
