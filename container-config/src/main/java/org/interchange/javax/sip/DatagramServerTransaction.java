package org.interchange.javax.sip;

import java.io.IOException;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPServerTransactionImpl;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * JAIN-SIP's server transaction for a request that arrived in a datagram, answering over UDP to where the datagram
 * came from when the request's top Via names another transport (RFC 4475 3.3.5: a Via that says TLS on a request
 * sent over UDP). JAIN-SIP sends the responses of a datagram transaction over the transport of the Via (RFC 3261
 * 18.2.2), where the sender is not listening and where the router may have no listener at all, so such a sender
 * never got an answer. Kamailio and OpenSIPS, too, reply over the transport a request was received on. Retransmitted
 * responses take the same way: the transaction resends its last response through {@link #sendResponse}.
 */
public final class DatagramServerTransaction extends SIPServerTransactionImpl {

    public DatagramServerTransaction(SIPTransactionStack stack, MessageChannel channel) {
        super(stack, channel);
    }

    @Override
    protected void sendResponse(SIPResponse response) throws IOException {
        Via via = response.getTopmostVia();
        if (via != null && via.getTransport() != null
                && !via.getTransport().equalsIgnoreCase(getMessageChannel().getTransport())) {
            // to the datagram's source over UDP: the channel's own sendMessage(message) would take the Via's transport
            getMessageChannel().sendMessage(response, getPeerInetAddress(), getPeerPort());
            return;
        }
        super.sendResponse(response);
    }
}
