package org.interchange.registrar.internal;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import gov.nist.javax.sip.header.Contact;
import gov.nist.javax.sip.header.ContactList;
import gov.nist.javax.sip.parser.ContactParser;
import org.interchange.core.sip.SipSyntaxException;
import org.interchange.core.sip.SipUri;

/**
 * One Contact of a REGISTER: the wildcard {@code *}, or a SIP URI with its expires and q parameters.
 *
 * @param wildcard whether it is {@code *}
 * @param uri      the contact URI (null for the wildcard)
 * @param expires  the {@code expires} parameter, when present and numeric (values beyond a long are cut)
 * @param q        the {@code q} parameter, when present
 */
public record RequestedContact(boolean wildcard, SipUri uri, OptionalLong expires, Optional<Double> q) {

    /**
     * Parses every Contact header value of a request (a value may hold several contacts).
     *
     * @throws SipSyntaxException for a contact that does not parse, a non-SIP URI or a q-value outside 0..1
     */
    public static List<RequestedContact> parseAll(List<String> values) {
        List<RequestedContact> contacts = new ArrayList<>();
        for (String value : values) {
            ContactList list;
            try {
                list = (ContactList) new ContactParser("Contact: " + value + "\n").parse();
            } catch (ParseException | RuntimeException e) {
                throw new SipSyntaxException("malformed Contact " + value);
            }
            for (Object item : list) {
                contacts.add(of((Contact) item));
            }
        }
        return contacts;
    }

    private static RequestedContact of(Contact contact) {
        if (contact.isWildCard()) {
            return new RequestedContact(true, null, OptionalLong.empty(), Optional.empty());
        }
        SipUri uri = SipUri.parse(contact.getAddress().getURI().toString());
        return new RequestedContact(false, uri, expires(contact.getParameter("expires")), q(contact.getParameter("q")));
    }

    private static OptionalLong expires(String value) {
        if (value == null || value.isEmpty() || !value.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty(); // RFC 3261 10.3 step 7: a malformed expires counts as absent
        }
        return OptionalLong.of(value.length() > 18 ? Long.MAX_VALUE : Long.parseLong(value));
    }

    private static Optional<Double> q(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            double q = Double.parseDouble(value);
            if (q >= 0 && q <= 1) {
                return Optional.of(q);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SipSyntaxException("q-value " + value + " is not in 0..1");
    }
}
