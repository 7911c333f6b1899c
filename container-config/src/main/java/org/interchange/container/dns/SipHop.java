package org.interchange.container.dns;

import java.net.InetAddress;

import org.interchange.container.config.IpAddresses;
import org.interchange.container.config.Transport;

/** One server RFC 3263 found for a target: where to send, and over what. */
public record SipHop(Transport transport, InetAddress address, int port) {

    @Override
    public String toString() {
        String host = IpAddresses.text(address);
        return transport.token() + ":" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
