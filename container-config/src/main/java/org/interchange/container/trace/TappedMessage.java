package org.interchange.container.trace;

import java.net.InetSocketAddress;
import java.util.Locale;

import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.HeaderAddress;

import org.interchange.container.config.IpAddresses;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;

/**
 * A message the stack sent or received, as {@link SipTap.Listener} sees it: the stack's message object read in
 * place, each value computed when asked. Valid only during {@link SipTap.Listener#tapped}; not thread-safe.
 */
public final class TappedMessage {

    private final SIPMessage message;
    private final String text;
    private final boolean sent;
    private final long timeMillis;
    private final String source;
    private final String destination;

    /**
     * A message as the stack reports it to its server logger: {@code source} and {@code destination} are
     * {@code host:port} as the stack writes them (an IPv6 host with or without brackets).
     */
    public TappedMessage(SIPMessage message, boolean sent, long timeMillis, String source, String destination) {
        this(message, null, sent, timeMillis, source, destination);
    }

    /**
     * A message as received, whatever parsed of it: {@code text} is what came in, {@code parsed} the start line
     * and header fields that could be read (a malformed message may lack any of them).
     */
    TappedMessage(SIPMessage parsed, String text, boolean sent, long timeMillis, String source, String destination) {
        this.message = parsed;
        this.text = text;
        this.sent = sent;
        this.timeMillis = timeMillis;
        this.source = source;
        this.destination = destination;
    }

    /** Whether the router sent the message (else it received it). */
    public boolean sent() {
        return sent;
    }

    /** When it was sent or received, milliseconds since 1970 (the stack's clock). */
    public long timeMillis() {
        return timeMillis;
    }

    /** The socket address it came from: a peer's when received, a listener's when sent. */
    public InetSocketAddress source() {
        return socketAddress(source);
    }

    /** The socket address it went to. */
    public InetSocketAddress destination() {
        return socketAddress(destination);
    }

    /**
     * The transport, {@code UDP}, {@code TCP}, {@code TLS}, {@code WS}, as the top Via names it: the stack tells the
     * logger no more, and the top Via is the router's own on what it sends and on the responses it receives.
     */
    public String transport() {
        Via via = message.getTopmostVia();
        return via == null || via.getTransport() == null ? "UDP" : via.getTransport().toUpperCase(Locale.ROOT);
    }

    /** The Call-ID, or an empty string for a message without one. */
    public String callId() {
        return message.getCallId() == null ? "" : message.getCallId().getCallId();
    }

    /** The request's method, or for a response the method of its CSeq. */
    public String method() {
        if (message instanceof SIPRequest request && request.getMethod() != null) {
            return request.getMethod();
        }
        return message.getCSeq() == null ? "" : message.getCSeq().getMethod();
    }

    /** The status code of a response; 0 for a request. */
    public int status() {
        return message instanceof SIPResponse response && response.getStatusLine() != null
                ? response.getStatusCode() : 0;
    }

    /** The reason phrase of a response; empty for a request. */
    public String reason() {
        return message instanceof SIPResponse response && response.getStatusLine() != null
                && response.getReasonPhrase() != null ? response.getReasonPhrase() : "";
    }

    /** The From tag, or an empty string. */
    public String fromTag() {
        return message.getFrom() == null || message.getFrom().getTag() == null ? "" : message.getFrom().getTag();
    }

    /** The To tag, or an empty string: none on a request that starts a dialog. */
    public String toTag() {
        return message.getTo() == null || message.getTo().getTag() == null ? "" : message.getTo().getTag();
    }

    /** The CSeq number, or -1 for a message without one. */
    public long cseqNumber() {
        return message.getCSeq() == null ? -1 : message.getCSeq().getSeqNumber();
    }

    /** The From URI's {@code user@host} (only {@code host} without a user), or an empty string. */
    public String fromUser() {
        return userAtHost(message.getFrom());
    }

    /** The To URI's {@code user@host}, or an empty string. */
    public String toUser() {
        return userAtHost(message.getTo());
    }

    /** The Request-URI's {@code user@host}; an empty string for a response. */
    public String requestUser() {
        return message instanceof SIPRequest request ? userAtHost(request.getRequestURI()) : "";
    }

    /** The message as text: start line, header fields, body. */
    public String text() {
        return text != null ? text : message.encode();
    }

    private static String userAtHost(HeaderAddress header) {
        return header == null || header.getAddress() == null ? "" : userAtHost(header.getAddress().getURI());
    }

    private static String userAtHost(URI uri) {
        if (!(uri instanceof SipURI sip)) {
            return "";
        }
        return sip.getUser() == null ? sip.getHost() : sip.getUser() + "@" + sip.getHost();
    }

    /** {@code host:port} as the stack writes it: an IPv6 address with or without brackets. */
    private static InetSocketAddress socketAddress(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        int port = 5060;
        if (colon >= 0) {
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                host = hostPort;
            }
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        int finalPort = port;
        return IpAddresses.parseLiteral(bare).map(address -> new InetSocketAddress(address, finalPort))
                .orElseGet(() -> InetSocketAddress.createUnresolved(bare, finalPort));
    }
}
