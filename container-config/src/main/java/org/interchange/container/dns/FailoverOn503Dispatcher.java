package org.interchange.container.dns;

import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.message.Response;

import org.mobicents.servlet.sip.core.SipApplicationDispatcherImpl;
import org.mobicents.servlet.sip.message.SipServletRequestImpl;
import org.mobicents.servlet.sip.message.TransactionApplicationData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.nist.javax.sip.ResponseEventExt;

/**
 * MSS's dispatcher, which tries the next server RFC 3263 found for a request after a transport error and a timeout,
 * but passes a 503 from the first server on as the branch's answer. RFC 3263 4.3: a 503 also sends the request to
 * the next server; this does so, through MSS's own {@code visitNextHop} (a new branch to the next hop), and the 503 goes
 * no further. The client transaction acknowledges the 503 of an INVITE itself.
 */
public class FailoverOn503Dispatcher extends SipApplicationDispatcherImpl {

    private static final Logger log = LoggerFactory.getLogger(FailoverOn503Dispatcher.class);

    @Override
    public void processResponse(ResponseEvent event) {
        if (event.getResponse().getStatusCode() == Response.SERVICE_UNAVAILABLE && triedNextServer(event)) {
            return;
        }
        super.processResponse(event);
    }

    private static boolean triedNextServer(ResponseEvent event) {
        ClientTransaction transaction = event.getClientTransaction();
        if (transaction == null || ((ResponseEventExt) event).isRetransmission()
                || !(transaction.getApplicationData() instanceof TransactionApplicationData data)
                || !(data.getSipServletMessage() instanceof SipServletRequestImpl request)
                || data.getHops() == null || data.getHops().size() < 2) {
            return false;
        }
        String server = String.valueOf(data.getHops().peek());
        boolean sent = request.visitNextHop();
        if (sent) {
            log.info("{} {}: 503 from {}, sent to the next server {} (RFC 3263 4.3)", request.getMethod(),
                    request.getRequestURI(), server, data.getHops().peek());
        }
        return sent;
    }
}
