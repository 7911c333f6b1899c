package org.interchange.it.support.sip;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;

import gov.nist.javax.sip.address.SipUri;
import gov.nist.javax.sip.header.AuthenticationHeader;
import gov.nist.javax.sip.header.Contact;
import gov.nist.javax.sip.header.Route;
import gov.nist.javax.sip.header.RouteList;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.StringMsgParser;

/**
 * A message the agent received: parsed by the JAIN-SIP reference parser, with the transport, the address and
 * port it came from and the local socket it arrived on. Immutable.
 */
public final class Received {

    private final Transport transport;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final String text;
    private final SIPMessage message;

    private Received(Transport transport, RawMessage raw, String text, SIPMessage message) {
        this.transport = transport;
        this.remote = raw.remote();
        this.local = raw.local();
        this.text = text;
        this.message = message;
    }

    /**
     * Parses a message that crossed the wire elsewhere, such as one in a softphone's SIP trace.
     *
     * @param remote where it came from
     * @param local  where it arrived
     * @throws ParseException when the parser refuses it
     */
    public static Received parse(Transport transport, InetSocketAddress remote, InetSocketAddress local, byte[] bytes)
            throws ParseException {
        return parse(transport, new RawMessage(bytes, remote, local));
    }

    /**
     * Parses a received message.
     *
     * @throws ParseException when the parser refuses it
     */
    static Received parse(Transport transport, RawMessage raw) throws ParseException {
        SIPMessage parsed = new StringMsgParser().parseSIPMessage(raw.bytes(), true, false, null);
        if (parsed == null) {
            throw new ParseException("not a SIP message", 0);
        }
        return new Received(transport, raw, new String(raw.bytes(), StandardCharsets.UTF_8), parsed);
    }

    public Transport transport() {
        return transport;
    }

    /** The address and port it came from. */
    public InetSocketAddress remote() {
        return remote;
    }

    /** The local socket it arrived on. */
    public InetSocketAddress local() {
        return local;
    }

    public boolean isRequest() {
        return message instanceof SIPRequest;
    }

    /** The method of a request; of a response, the method of its CSeq. */
    public String method() {
        return message instanceof SIPRequest request ? request.getMethod() : cseqMethod();
    }

    public String requestUri() {
        return request().getRequestURI().toString();
    }

    public int status() {
        return response().getStatusCode();
    }

    public String reason() {
        return response().getReasonPhrase();
    }

    public boolean isFinal() {
        return !isRequest() && status() >= 200;
    }

    /** The first value of a header field, as the parser encodes it. */
    public Optional<String> header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of a header field in order; a comma-separated list counts as several values. */
    public List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        ListIterator<?> headers = message.getHeaders(name);
        while (headers.hasNext()) {
            values.add(((SIPHeader) headers.next()).getHeaderValue().trim());
        }
        return values;
    }

    public String callId() {
        return message.getCallId().getCallId();
    }

    public long cseqNumber() {
        return message.getCSeq().getSeqNumber();
    }

    public String cseqMethod() {
        return message.getCSeq().getMethod();
    }

    /** The branch of the topmost Via; null when it has none (RFC 2543 clients). */
    public String branch() {
        return message.getTopmostVia().getBranch();
    }

    /** The To tag; empty also when the message has no To (a 400 to a request without one). */
    public Optional<String> toTag() {
        return Optional.ofNullable(message.getTo()).map(to -> to.getTag());
    }

    /** The methods of its Allow header fields, however they are split into fields and values. */
    public List<String> allowedMethods() {
        return List.of(String.join(",", headers("Allow")).replace(" ", "").split(","));
    }

    /** The Record-Route values, in order. */
    public List<String> recordRoutes() {
        return headers("Record-Route");
    }

    /** The URI of the first Contact. */
    public Optional<String> contactUri() {
        Contact contact = (Contact) message.getHeader("Contact");
        return contact == null || contact.getAddress() == null ? Optional.empty()
                : Optional.of(contact.getAddress().getURI().toString());
    }

    /** Each Contact URI with its {@code expires} parameter (-1 where it has none), as a 200 to REGISTER lists them. */
    public List<ContactBinding> contactBindings() {
        List<ContactBinding> bindings = new ArrayList<>();
        ListIterator<?> contacts = message.getHeaders("Contact");
        while (contacts.hasNext()) {
            Contact contact = (Contact) contacts.next();
            bindings.add(new ContactBinding(contact.getAddress().getURI().toString(), contact.getExpires()));
        }
        return bindings;
    }

    /** A Contact of a REGISTER response: its URI and the seconds the registrar keeps it. */
    public record ContactBinding(String uri, int expires) {
    }

    /** The digest challenges of a 401 or 407, in the order offered. */
    public List<Challenge> challenges() {
        List<Challenge> challenges = new ArrayList<>();
        for (String name : List.of("WWW-Authenticate", "Proxy-Authenticate")) {
            ListIterator<?> headers = message.getHeaders(name);
            while (headers.hasNext()) {
                challenges.add(Challenge.of(name, (AuthenticationHeader) headers.next()));
            }
        }
        return challenges;
    }

    public String body() {
        byte[] content = message.getRawContent();
        return content == null ? "" : new String(content, StandardCharsets.UTF_8);
    }

    /** The parsed message, for building replies and dialogs. */
    SIPMessage message() {
        return message;
    }

    /** The SIP URI of a Route or Record-Route value such as {@code <sip:127.0.0.1:15060;lr>}. */
    public static SipUri routeUri(String route) {
        try {
            RouteList routes = (RouteList) StringMsgParser.parseSIPHeader("Route: " + route);
            return (SipUri) ((Route) routes.getFirst()).getAddress().getURI();
        } catch (ParseException | ClassCastException e) {
            throw new IllegalArgumentException("not a SIP route: " + route, e);
        }
    }

    /** One line: the start line, CSeq and Call-ID (when it has them), where it came from and where it arrived. */
    public String summary() {
        String firstLine = text.lines().findFirst().orElse("");
        return firstLine + " [" + header("CSeq").orElse("no CSeq") + ", Call-ID " + header("Call-ID").orElse("none")
                + "] " + transport.uriParameter() + " " + remote + " -> " + local;
    }

    @Override
    public String toString() {
        return summary() + "\n" + text;
    }

    private SIPRequest request() {
        if (!(message instanceof SIPRequest request)) {
            throw new IllegalStateException("not a request: " + summary());
        }
        return request;
    }

    private SIPResponse response() {
        if (!(message instanceof SIPResponse response)) {
            throw new IllegalStateException("not a response: " + summary());
        }
        return response;
    }
}
