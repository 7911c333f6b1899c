package org.interchange.container;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.util.LinkedList;
import java.util.OptionalInt;
import java.util.Properties;

import javax.sip.ListeningPoint;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.MessageProcessorFactory;
import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import gov.nist.javax.sip.stack.OIOMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageChannel;
import gov.nist.javax.sip.stack.UDPMessageProcessor;
import org.interchange.container.config.HostPort;
import org.interchange.container.config.IpAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final String THREAD_POOL_SIZE = "gov.nist.javax.sip.THREAD_POOL_SIZE";

    private final MessageProcessorFactory standard = new OIOMessageProcessorFactory();
    private ConnectionGuard guard;

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port,
            String transport) throws IOException {
        Properties properties = ((SipStackImpl) stack).getConfigurationProperties();
        if (!ListeningPoint.UDP.equalsIgnoreCase(transport)) {
            StackState.listenerOpened(stack, null);
        }
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
        UdpProcessor processor = new UdpProcessor(address, stack, port, queue, stackThreads(properties));
        sendFromListeners(stack);
        StackState.listenerOpened(stack, queue);
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

    /** JAIN-SIP's {@code THREAD_POOL_SIZE}: how many threads process a UDP listener's datagrams; 0 if unbounded. */
    private static int stackThreads(Properties properties) {
        try {
            return Math.max(0, Integer.parseInt(properties.getProperty(THREAD_POOL_SIZE, "").trim()));
        } catch (NumberFormatException unbounded) {
            return 0; // JAIN-SIP's "infinity" (a thread per datagram), or not set
        }
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

    /**
     * JAIN-SIP's UDP listener, with the bounded queue in place of its own, receiving every datagram into one buffer.
     * JAIN-SIP's own receive loop allocates a new buffer of the largest message size (64 KB) per datagram: at a few
     * thousand datagrams a second that was half of all the router allocated (profile of 2026-12-06), and so half
     * of its garbage collections, whose pauses are the router's slowest answers. The queue keeps a copy of each
     * datagram's own bytes anyway.
     */
    private static final class UdpProcessor extends UDPMessageProcessor {

        private static final Logger LOG = LoggerFactory.getLogger(UdpProcessor.class);

        private final int stackThreads;
        private final int bufferSize;

        UdpProcessor(InetAddress address, SIPTransactionStack stack, int port, UdpReceiveQueue queue,
                int stackThreads) throws IOException {
            super(address, stack, port);
            // the stack's congestion auditor keeps watching the replaced, empty queue: the bound makes it moot
            messageQueue = queue;
            this.stackThreads = stackThreads;
            bufferSize = stack.getMaxMessageSize() > 0 ? stack.getMaxMessageSize() : SipStackImpl.MAX_DATAGRAM_SIZE;
        }

        @Override
        public void run() {
            if (stackThreads == 0) {
                super.run(); // a thread per datagram: JAIN-SIP's own loop
                return;
            }
            messageChannels = new LinkedList<>();
            String threadName = ((SipStackImpl) sipStack).getStackName() + "-UDPMessageChannelThread-";
            for (int i = 0; i < stackThreads; i++) {
                messageChannels.add(new StackThread(sipStack, this, threadName + i));
            }
            DatagramPacket receiving = new DatagramPacket(new byte[bufferSize], bufferSize);
            while (isRunning) {
                try {
                    receiving.setLength(bufferSize);
                    sock.receive(receiving);
                    // the queue copies the datagram's own bytes out of the buffer before the next receive
                    messageQueue.offer(new DatagramQueuedMessageDispatch(receiving, System.currentTimeMillis()));
                } catch (IOException | RuntimeException e) {
                    if (!isRunning) {
                        return; // the socket was closed by stop()
                    }
                    LOG.warn("udp:{}:{}: receiving failed, receiving on: {}", getIpAddress().getHostAddress(),
                            getPort(), e.toString());
                }
            }
        }
    }

    /** One of the stack threads that take a UDP listener's datagrams from its queue and process them. */
    private static final class StackThread extends UDPMessageChannel {
        StackThread(SIPTransactionStack stack, UDPMessageProcessor processor, String name) {
            super(stack, processor, name);
        }
    }
}
