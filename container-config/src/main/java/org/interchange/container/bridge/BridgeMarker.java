package org.interchange.container.bridge;

import java.util.Optional;

import javax.servlet.sip.SipServletRequest;
import javax.sip.message.Request;

import org.interchange.container.ReceivedRequest;
import org.interchange.container.ReceivedRequest.Note;
import org.mobicents.servlet.sip.core.message.MobicentsSipServletMessage;

/**
 * The note a servlet leaves on a request it proxies, naming the listeners it crosses: the one it leaves through
 * (egress) and the one facing the previous hop (ingress). {@link BridgeRouter} reads and removes it as the request
 * leaves. The note is kept out of band, on the request object ({@link ReceivedRequest}): it never reaches the wire,
 * and no peer can write one.
 */
public final class BridgeMarker {

    /**
     * @param egress           the name of the listener the request leaves through
     * @param ingress          the name of the listener facing the hop it came from
     * @param egressOwnAddress whether the next hop is shown the egress listener's own address rather than the one
     *                         it advertises (a peer on a private network)
     * @param ingressOwnAddress the same for the previous hop and the ingress listener
     */
    public record Bridge(String egress, String ingress, boolean egressOwnAddress, boolean ingressOwnAddress) {
    }

    private static final Note<Bridge> BRIDGE = new Note<>("bridge");

    private BridgeMarker() {
    }

    /**
     * Notes the listeners a request crosses. For a request the servlet proxies: a proxy branch's request before the
     * branch starts, or an in-dialog request before the container relays it.
     *
     * @throws IllegalStateException when the request is neither one the router received nor a copy of one (a
     *                               request the router creates itself has nowhere to keep the note)
     */
    public static void mark(SipServletRequest request, Bridge bridge) {
        mark((Request) ((MobicentsSipServletMessage) request).getMessage(), bridge);
    }

    static void mark(Request request, Bridge bridge) {
        ReceivedRequest.of(request).orElseThrow(() -> new IllegalStateException("cannot note the listeners "
                + bridge + " on " + request.getMethod() + ": not a request the router received")).note(BRIDGE, bridge);
    }

    /** Reads and removes the note of a request about to leave; empty when it carries none. */
    static Optional<Bridge> take(Request request) {
        return ReceivedRequest.of(request).flatMap(received -> received.takeNote(BRIDGE));
    }
}
