package org.interchange.container;

import java.util.ListIterator;

import javax.servlet.sip.SipServletResponse;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;

import org.mobicents.servlet.sip.core.message.MobicentsSipServletMessage;

/**
 * Keeps a provisional response to a proxied request from going upstream (OpenSIPS's {@code drop()} in an
 * {@code onreply_route}), which JSR 289 has no call for.
 *
 * <p>MSS 3.2.0-37 passes a branch's response to the servlet first and then builds the response it forwards from
 * it, without the top Via (the router's own); when no Via is left below that one it forwards nothing
 * ({@code ProxyUtils.createProxiedResponse} returns null). Dropping therefore leaves only the router's Via on the
 * received response. The branch's state is untouched: its timers and later responses go on as usual.
 */
public final class ProvisionalDrop {

    private ProvisionalDrop() {
    }

    /**
     * @throws IllegalArgumentException for a final response or a 100, which are never dropped
     */
    public static void drop(SipServletResponse response) {
        int status = response.getStatus();
        if (status <= 100 || status >= 200) {
            throw new IllegalArgumentException("only a provisional response above 100 can be dropped, not " + status);
        }
        Message message = ((MobicentsSipServletMessage) response).getMessage();
        ListIterator<?> vias = message.getHeaders(ViaHeader.NAME);
        if (vias.hasNext()) {
            vias.next(); // the router's own
            while (vias.hasNext()) {
                vias.next();
                vias.remove();
            }
        }
    }
}
