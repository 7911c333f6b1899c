package org.interchange.container.bridge;

import java.text.ParseException;
import java.util.Optional;

import javax.servlet.sip.SipServletRequest;
import javax.sip.message.Request;

import org.mobicents.servlet.sip.core.message.MobicentsSipServletMessage;

import gov.nist.javax.sip.header.ExtensionHeaderImpl;

/**
 * The note a servlet leaves on a request it proxies, naming the listeners it crosses: the one it leaves through
 * (egress) and the one facing the previous hop (ingress). {@link BridgeRouter} reads and removes it as the request
 * leaves; it never reaches the wire. Written {@code X-Interchange-Bridge: <egress>;ingress=<ingress>} with listener
 * names.
 */
public final class BridgeMarker {

    /** The header field that carries the note. */
    public static final String HEADER = "X-Interchange-Bridge";

    private static final String INGRESS = ";ingress=";

    /**
     * @param egress  the name of the listener the request leaves through
     * @param ingress the name of the listener facing the hop it came from
     */
    public record Bridge(String egress, String ingress) {

        /** Whether the request crosses two listeners, and so needs two Record-Route entries (RFC 5658). */
        public boolean crossesListeners() {
            return !egress.equals(ingress);
        }

        String encode() {
            return egress + INGRESS + ingress;
        }

        static Optional<Bridge> decode(String value) {
            int ingress = value.indexOf(INGRESS);
            return ingress <= 0 ? Optional.empty()
                    : Optional.of(new Bridge(value.substring(0, ingress).trim(),
                    value.substring(ingress + INGRESS.length()).trim()));
        }
    }

    private BridgeMarker() {
    }

    /**
     * Notes the listeners a request crosses. For a request the servlet proxies: a proxy branch's request before the
     * branch starts, or an in-dialog request before the container relays it.
     */
    public static void mark(SipServletRequest request, Bridge bridge) {
        Request sip = (Request) ((MobicentsSipServletMessage) request).getMessage();
        try {
            ExtensionHeaderImpl header = new ExtensionHeaderImpl(HEADER);
            header.setValue(bridge.encode());
            sip.setHeader(header);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot mark " + request.getMethod() + " with " + bridge, e);
        }
    }

    /** Reads and removes the note of a request about to leave; empty when it carries none. */
    static Optional<Bridge> take(Request request) throws ParseException {
        javax.sip.header.Header header = request.getHeader(HEADER);
        if (header == null) {
            return Optional.empty();
        }
        request.removeHeader(HEADER);
        String value = header instanceof ExtensionHeaderImpl extension ? extension.getHeaderValue()
                : header.toString().substring(header.toString().indexOf(':') + 1).trim();
        Optional<Bridge> bridge = Bridge.decode(value);
        if (bridge.isEmpty()) {
            throw new ParseException("malformed " + HEADER + ": " + value, 0);
        }
        return bridge;
    }
}
