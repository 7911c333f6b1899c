package org.interchange.container.bridge;

import javax.sip.address.Hop;

import org.interchange.container.config.SipListener;

/**
 * A next hop with the listener the message must leave from: what {@link BridgeRouter} answers and
 * {@code org.interchange.javax.sip.SipStackImpl} honours when it opens the channel.
 */
public final class EgressHop implements Hop {

    private final Hop hop;
    private final SipListener egress;

    EgressHop(Hop hop, SipListener egress) {
        this.hop = hop;
        this.egress = egress;
    }

    /** The listener to send from. */
    public SipListener egress() {
        return egress;
    }

    @Override
    public String getHost() {
        return hop.getHost();
    }

    @Override
    public int getPort() {
        return hop.getPort();
    }

    /** The listener's transport: the listener decides, as OpenSIPS's forced socket does. */
    @Override
    public String getTransport() {
        return egress.transport().name();
    }

    @Override
    public String toString() {
        return hop + " from " + egress;
    }
}
