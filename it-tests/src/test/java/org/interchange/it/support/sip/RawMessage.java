package org.interchange.it.support.sip;

import java.net.InetSocketAddress;

/**
 * The bytes of one received message, before parsing: a datagram, or one message framed out of a stream.
 *
 * @param bytes  the message as it crossed the wire
 * @param remote where it came from
 * @param local  the local socket it arrived on
 */
record RawMessage(byte[] bytes, InetSocketAddress remote, InetSocketAddress local) {
}
