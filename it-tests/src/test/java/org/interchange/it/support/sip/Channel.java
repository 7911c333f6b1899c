package org.interchange.it.support.sip;

import java.io.IOException;
import java.net.InetSocketAddress;

/** A bound socket of one transport: sends messages as given and hands received ones to its owner. */
interface Channel extends AutoCloseable {

    /** The local address and port it is bound to. */
    InetSocketAddress local();

    /** Sends one message's bytes, exactly as given. Thread-safe. */
    void send(byte[] message, InetSocketAddress destination) throws IOException;

    /** Closes the socket (and connections); its receiving threads end. */
    @Override
    void close();
}
