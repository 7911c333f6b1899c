package org.interchange.container;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.util.OptionalInt;
import java.util.Properties;

import javax.sip.ListeningPoint;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.MessageProcessorFactory;
import gov.nist.javax.sip.stack.OIOMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageProcessor;
import org.interchange.container.config.HostPort;
import org.interchange.container.config.IpAddresses;

/**
 * How the stack opens its listeners, plugged in as its {@code gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY}: UDP
 * listeners queue what they receive in a bounded {@link UdpReceiveQueue}; TCP and TLS listeners are JAIN-SIP's
 * blocking ones (a thread per connection) behind one {@link ConnectionGuard}, which limits the connections they
 * accept and closes those that idle, dawdle over a message or a TLS handshake.
 *
 * <p>Stack properties: {@value #RECEIVE_QUEUE_SIZE} (datagrams waiting for a stack thread, per UDP listener; default
 * {@value #DEFAULT_RECEIVE_QUEUE_SIZE}), {@value #MAX_SERVER_TRANSACTIONS} (open server transactions beyond which
 * UDP requests that start new work are dropped; default {@value #DEFAULT_MAX_SERVER_TRANSACTIONS}), and those of
 * {@link ConnectionLimits}.
 */
public final class OverloadSafeMessageProcessorFactory implements MessageProcessorFactory {

    static final String RECEIVE_QUEUE_SIZE = "org.interchange.udp.RECEIVE_QUEUE_SIZE";
    static final String MAX_SERVER_TRANSACTIONS = "org.interchange.MAX_SERVER_TRANSACTIONS";
    static final int DEFAULT_RECEIVE_QUEUE_SIZE = 10_000;
    static final int DEFAULT_MAX_SERVER_TRANSACTIONS = 50_000;

    private final MessageProcessorFactory standard = new OIOMessageProcessorFactory();
    private ConnectionGuard guard;

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port,
            String transport) throws IOException {
        Properties properties = ((SipStackImpl) stack).getConfigurationProperties();
        if (ListeningPoint.TCP.equalsIgnoreCase(transport)) {
            return new GuardedTcpProcessor(address, stack, port, guard(properties));
        }
        if (ListeningPoint.TLS.equalsIgnoreCase(transport)) {
            return new GuardedTlsProcessor(address, stack, port, guard(properties));
        }
        if (!ListeningPoint.UDP.equalsIgnoreCase(transport)) {
            return standard.createMessageProcessor(stack, address, port, transport);
        }
        UdpReceiveQueue queue = new UdpReceiveQueue(
                "udp:" + new HostPort(IpAddresses.text(address), OptionalInt.of(port)),
                positive(properties, RECEIVE_QUEUE_SIZE, DEFAULT_RECEIVE_QUEUE_SIZE),
                positive(properties, MAX_SERVER_TRANSACTIONS, DEFAULT_MAX_SERVER_TRANSACTIONS),
                stack::getServerTransactionTableSize);
        UdpProcessor processor = new UdpProcessor(address, stack, port, queue);
        sendFromListeners(stack);
        return processor;
    }

    /** The one guard of all TCP and TLS listeners of the stack, whose limits count them together. */
    private synchronized ConnectionGuard guard(Properties properties) throws IOException {
        if (guard == null) {
            try {
                guard = new ConnectionGuard(ConnectionLimits.fromStack(properties), System::currentTimeMillis);
            } catch (IllegalArgumentException badProperty) {
                throw new IOException(badProperty.getMessage(), badProperty);
            }
        }
        return guard;
    }

    private static int positive(Properties properties, String name, int fallback) throws IOException {
        String value = properties.getProperty(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IOException("SIP stack property " + name + " must be a positive whole number, not '" + value + "'");
    }

    /**
     * Makes the stack send over UDP from the listener's socket, as JAIN-SIP's own factory arranges with a
     * package-private flag; without it every datagram would leave from a new ephemeral socket.
     */
    private static void sendFromListeners(SIPTransactionStack stack) throws IOException {
        try {
            Field udpFlag = SIPTransactionStack.class.getDeclaredField("udpFlag");
            udpFlag.setAccessible(true);
            udpFlag.setBoolean(stack, true);
        } catch (ReflectiveOperationException | RuntimeException incompatibleStack) {
            throw new IOException("this JAIN-SIP cannot send UDP from its listeners' sockets", incompatibleStack);
        }
    }

    /** JAIN-SIP's UDP listener, with the bounded queue in place of its own. */
    private static final class UdpProcessor extends UDPMessageProcessor {
        UdpProcessor(InetAddress address, SIPTransactionStack stack, int port, UdpReceiveQueue queue)
                throws IOException {
            super(address, stack, port);
            // the stack's congestion auditor keeps watching the replaced, empty queue: the bound makes it moot
            messageQueue = queue;
        }
    }
}
