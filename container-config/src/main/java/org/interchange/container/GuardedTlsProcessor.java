package org.interchange.container;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.ssl.SSLSocket;
import javax.sip.address.Hop;

import gov.nist.core.HostPort;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.HandshakeCompletedListenerImpl;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.TLSMessageChannel;
import gov.nist.javax.sip.stack.TLSMessageProcessor;
import org.interchange.container.ConnectionGuard.Closure;
import org.interchange.container.tls.CalledHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's TLS listener, with the connections it accepts limited and watched by a {@link ConnectionGuard} (a
 * handshake must finish within {@code tls.handshake-timeout}; a failed one is counted, not logged one by one), and
 * the connections it opens told which host they call ({@link CalledHost}), so that the server's certificate can be
 * checked against it.
 */
final class GuardedTlsProcessor extends TLSMessageProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedTlsProcessor.class);

    private final ConnectionGuard guard;

    GuardedTlsProcessor(InetAddress address, SIPTransactionStack stack, int port, ConnectionGuard guard) {
        super(address, stack, port);
        this.guard = guard;
    }

    @Override
    public void run() {
        guard.acceptWhile(() -> isRunning, sock, guard.limits().handshakeTimeout().toMillis(), socket -> {
            Channel channel = new Channel(socket, sipStack, this);
            incomingMessageChannels.put(channel.getKey(), channel);
        });
    }

    @Override
    public synchronized MessageChannel createMessageChannel(HostPort target) throws IOException {
        return createMessageChannel(target.getInetAddress(), target.getPort());
    }

    /** As JAIN-SIP's, with a channel of ours: the router's connections to TLS servers. */
    @Override
    public synchronized MessageChannel createMessageChannel(InetAddress host, int port) throws IOException {
        String key = MessageChannel.getKey(host, port, "TLS");
        MessageChannel cached = messageChannels.get(key);
        if (cached != null) {
            return cached;
        }
        Channel channel = new Channel(host, port, sipStack, this);
        messageChannels.put(key, channel);
        return channel;
    }

    private synchronized void forget(Channel channel) {
        remove(channel);
    }

    /** A TLS connection, accepted (its reader thread starts in the constructor) or opened by the router. */
    private static final class Channel extends TLSMessageChannel {

        private volatile WatchedInputStream watched;

        Channel(Socket socket, SIPTransactionStack stack, GuardedTlsProcessor processor) throws IOException {
            super(socket, stack, processor, "TLSMessageChannelThread-" + socket.getRemoteSocketAddress());
        }

        Channel(InetAddress host, int port, SIPTransactionStack stack, GuardedTlsProcessor processor)
                throws IOException {
            super(host, port, stack, processor);
            isCached = true;
        }

        private GuardedTlsProcessor processor() {
            return (GuardedTlsProcessor) messageProcessor;
        }

        @Override
        public void run() {
            processor().guard.serve(mySock, myClientInputStream, input -> {
                watched = input;
                myClientInputStream = input;
            }, () -> {
                if (isHandshakeCompleted() || handshake()) {
                    super.run();
                }
            });
        }

        /**
         * The handshake of an accepted connection, as JAIN-SIP's channel does it but for the failure, which is
         * counted and reported by the guard instead of logged with its stack trace for each connection.
         */
        private boolean handshake() {
            SSLSocket socket = (SSLSocket) mySock;
            HandshakeCompletedListenerImpl listener = new HandshakeCompletedListenerImpl(this, socket);
            socket.addHandshakeCompletedListener(listener);
            // JAIN-SIP's watchdog closes a handshake that trickles on past tls.handshake-timeout; one that stalls
            // fails sooner, on the socket's read timeout
            listener.startHandshakeWatchdog();
            try {
                socket.startHandshake();
            } catch (IOException failed) {
                LOG.debug("TLS handshake with {} failed", socket.getRemoteSocketAddress(), failed);
                processor().guard.closed(Closure.HANDSHAKE_FAILED);
                socket.removeHandshakeCompletedListener(listener);
                close();
                processor().forget(this);
                return false;
            }
            setHandshakeCompleted(true);
            if (!sipStack.isSslRenegotiationEnabled()) {
                socket.getSession().invalidate();
                socket.setEnableSessionCreation(false);
            }
            return true;
        }

        /** No pong where JAIN-SIP cannot send one ({@link ConnectionGuard#mayPong}). */
        @Override
        public void sendSingleCLRF() throws Exception {
            if (ConnectionGuard.mayPong(peerProtocol, watched)) {
                super.sendSingleCLRF();
            }
        }

        /** On an accepted connection: bounded by the write timeout, and no longer idle. */
        @Override
        protected synchronized void sendMessage(byte[] message, boolean isClient) throws IOException {
            processor().guard.write(watched, mySock, sipStack.getTimer(), () -> super.sendMessage(message, isClient));
        }

        @Override
        public void sendMessage(SIPMessage message) throws IOException {
            CalledHost.during(message, () -> super.sendMessage(message));
        }

        @Override
        public void sendMessage(SIPMessage message, Hop hop) throws IOException {
            CalledHost.during(message, () -> super.sendMessage(message, hop));
        }

        @Override
        public void sendMessage(SIPMessage message, InetAddress address, int port) throws IOException {
            CalledHost.during(message, () -> super.sendMessage(message, address, port));
        }
    }
}
