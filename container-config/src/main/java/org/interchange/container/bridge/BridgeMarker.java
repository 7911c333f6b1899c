package org.interchange.container.bridge;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.servlet.sip.SipServletRequest;
import javax.sip.message.Request;

import org.mobicents.servlet.sip.core.message.MobicentsSipServletMessage;

import gov.nist.javax.sip.header.ExtensionHeaderImpl;

/**
 * The note a servlet leaves on a request it proxies, naming the listeners it crosses: the one it leaves through
 * (egress) and the one facing the previous hop (ingress). {@link BridgeRouter} reads and removes it as the request
 * leaves; it never reaches the wire. Written {@code X-Interchange-Bridge: <egress>;ingress=<ingress>[;own=egress,ingress]}
 * with listener names; {@code own} lists the sides whose peer is shown the listener's own address instead of the one
 * it advertises.
 */
public final class BridgeMarker {

    /** The header field that carries the note. */
    public static final String HEADER = "X-Interchange-Bridge";

    private static final String INGRESS = ";ingress=";
    private static final String OWN = ";own=";
    private static final String EGRESS_SIDE = "egress";
    private static final String INGRESS_SIDE = "ingress";

    /**
     * @param egress           the name of the listener the request leaves through
     * @param ingress          the name of the listener facing the hop it came from
     * @param egressOwnAddress whether the next hop is shown the egress listener's own address rather than the one
     *                         it advertises (a peer on a private network)
     * @param ingressOwnAddress the same for the previous hop and the ingress listener
     */
    public record Bridge(String egress, String ingress, boolean egressOwnAddress, boolean ingressOwnAddress) {

        String encode() {
            List<String> own = new ArrayList<>(2);
            if (egressOwnAddress) {
                own.add(EGRESS_SIDE);
            }
            if (ingressOwnAddress) {
                own.add(INGRESS_SIDE);
            }
            return egress + INGRESS + ingress + (own.isEmpty() ? "" : OWN + String.join(",", own));
        }

        static Optional<Bridge> decode(String value) {
            int ingress = value.indexOf(INGRESS);
            if (ingress <= 0) {
                return Optional.empty();
            }
            String rest = value.substring(ingress + INGRESS.length());
            int own = rest.indexOf(OWN);
            List<String> sides = own < 0 ? List.of() : List.of(rest.substring(own + OWN.length()).trim().split(","));
            return Optional.of(new Bridge(value.substring(0, ingress).trim(),
                    (own < 0 ? rest : rest.substring(0, own)).trim(), sides.contains(EGRESS_SIDE),
                    sides.contains(INGRESS_SIDE)));
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
