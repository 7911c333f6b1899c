package org.interchange.routing;

import java.util.List;
import java.util.OptionalLong;

import org.interchange.core.sip.Reply;
import org.interchange.core.sip.SipUri;

/**
 * What a routing step decides. {@link #next()} lets the route go on to the next step; anything else ends it, as
 * {@code t_relay}, {@code sl_send_reply}, {@code drop} or {@code save} end an OpenSIPS route.
 */
public sealed interface Decision {

    /** Go on with the next step. */
    static Decision next() {
        return Continue.INSTANCE;
    }

    /** Relay statefully to the context's branches, or to its Request-URI and destination when it has none. */
    static Decision relay() {
        return Relay.INSTANCE;
    }

    /** Answer with a status and reason. */
    static Decision reply(int status, String reason) {
        return new Respond(Reply.of(status, reason));
    }

    /** Answer with a reply that may carry header fields. */
    static Decision reply(Reply reply) {
        return new Respond(reply);
    }

    /** Answer 302 Moved Temporarily with these contacts (RFC 3261 redirect server). */
    static Decision redirect(List<Contact> contacts) {
        return new Redirect(302, contacts);
    }

    /** Send nothing: the request is forgotten (retransmissions too). */
    static Decision drop() {
        return Drop.INSTANCE;
    }

    /** Hand the REGISTER to the built-in registrar ({@code save("location")}). */
    static Decision register() {
        return Register.INSTANCE;
    }

    enum Continue implements Decision { INSTANCE }

    enum Relay implements Decision { INSTANCE }

    enum Drop implements Decision { INSTANCE }

    enum Register implements Decision { INSTANCE }

    record Respond(Reply reply) implements Decision {
    }

    /**
     * A 3xx with contacts.
     *
     * @param status   300 (several choices) to 399; 302 for a redirect to a moved user
     * @param contacts the Contact header fields, most preferred first
     */
    record Redirect(int status, List<Contact> contacts) implements Decision {

        public Redirect {
            if (status < 300 || status > 399) {
                throw new IllegalArgumentException("a redirect is 3xx, not " + status);
            }
            contacts = List.copyOf(contacts);
        }
    }

    /**
     * A Contact of a redirect.
     *
     * @param uri     where to try
     * @param q       its preference, 0 to 1
     * @param expires seconds it stays valid, when known
     */
    record Contact(SipUri uri, double q, OptionalLong expires) {

        /** The header field value: {@code <uri>;q=0.5;expires=3600}. */
        public String headerValue() {
            StringBuilder value = new StringBuilder("<").append(uri).append(">;q=").append(q(q));
            expires.ifPresent(seconds -> value.append(";expires=").append(seconds));
            return value.toString();
        }

        private static String q(double q) {
            String text = String.format(java.util.Locale.ROOT, "%.3f", q);
            return text.replaceAll("0+$", "").replaceAll("\\.$", ".0");
        }
    }
}
