package org.interchange.javax.sip;

import java.io.IOException;
import java.net.UnknownHostException;
import java.util.Properties;

import javax.sip.PeerUnavailableException;
import javax.sip.address.Hop;

import org.interchange.container.bridge.EgressHop;
import org.interchange.container.config.SipListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.SIPServerTransaction;

/**
 * JAIN-SIP's stack, sending each message that {@link org.interchange.container.bridge.BridgeRouter} routed through
 * an {@link EgressHop} from that hop's listener. JAIN-SIP would send from the listener of the provider MSS picked,
 * which is the first listener of the transport.
 *
 * <p>Loaded by name: the SIP service's {@code sipPathName="org.interchange"} makes JAIN-SIP's factory look for
 * {@code org.interchange.javax.sip.SipStackImpl} (and the three factories beside it, which are JAIN-SIP's own).
 */
public class SipStackImpl extends gov.nist.javax.sip.SipStackImpl {

    private static final Logger log = LoggerFactory.getLogger(SipStackImpl.class);

    public SipStackImpl(Properties configuration) throws PeerUnavailableException {
        super(configuration);
    }

    /**
     * Server transactions of requests received in datagrams answer over UDP even when the request's Via names
     * another transport ({@link DatagramServerTransaction}). The stack decides first whether to create a transaction at
     * all (its server transaction table may be full).
     */
    @Override
    public SIPServerTransaction createServerTransaction(MessageChannel channel) {
        SIPServerTransaction standard = super.createServerTransaction(channel);
        return standard == null || channel.isReliable() ? standard : new DatagramServerTransaction(this, channel);
    }

    /** Statefully sent requests: the client transaction's channel. */
    @Override
    public MessageChannel createMessageChannel(SIPRequest request, MessageProcessor processor, Hop nextHop)
            throws IOException {
        return super.createMessageChannel(request, egressProcessor(nextHop, processor), nextHop);
    }

    /** Statelessly sent requests, such as the ACK for a 2xx a proxy relays. */
    @Override
    public MessageChannel createRawMessageChannel(String sourceAddress, int sourcePort, Hop nextHop)
            throws UnknownHostException {
        if (nextHop instanceof EgressHop) {
            MessageProcessor processor = egressProcessor(nextHop, null);
            if (processor != null) {
                return super.createRawMessageChannel(processor.getIpAddress().getHostAddress(), processor.getPort(),
                        nextHop);
            }
        }
        return super.createRawMessageChannel(sourceAddress, sourcePort, nextHop);
    }

    private MessageProcessor egressProcessor(Hop nextHop, MessageProcessor chosen) {
        if (!(nextHop instanceof EgressHop egressHop)) {
            return chosen;
        }
        SipListener egress = egressHop.egress();
        for (MessageProcessor processor : getMessageProcessors()) {
            if (processor.getTransport().equalsIgnoreCase(egress.transport().name())
                    && processor.getIpAddress().equals(egress.address()) && processor.getPort() == egress.port()) {
                return processor;
            }
        }
        log.warn("No listening point is open for listener {}: {} leaves from the stack's choice", egress, nextHop);
        return chosen;
    }
}
