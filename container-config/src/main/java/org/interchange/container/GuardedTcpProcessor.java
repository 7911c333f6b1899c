package org.interchange.container;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.TCPMessageChannel;
import gov.nist.javax.sip.stack.TCPMessageProcessor;

/**
 * JAIN-SIP's TCP listener, with the connections it accepts limited and watched by a {@link ConnectionGuard}: its
 * own accept loop admits every connection, without limit or timeout.
 */
final class GuardedTcpProcessor extends TCPMessageProcessor {

    private final ConnectionGuard guard;

    GuardedTcpProcessor(InetAddress address, SIPTransactionStack stack, int port, ConnectionGuard guard) {
        super(address, stack, port);
        this.guard = guard;
    }

    @Override
    public void run() {
        guard.acceptWhile(() -> isRunning, sock, guard.limits().idleTimeout().toMillis(), socket -> {
            Channel channel = new Channel(socket, sipStack, this);
            incomingMessageChannels.put(channel.getKey(), channel);
        });
    }

    /** A connection this listener accepted; its reader thread starts in the constructor. */
    private static final class Channel extends TCPMessageChannel {

        private volatile WatchedInputStream watched;

        Channel(Socket socket, SIPTransactionStack stack, GuardedTcpProcessor processor) throws IOException {
            super(socket, stack, processor, "TCPMessageChannelThread-" + socket.getRemoteSocketAddress());
        }

        private GuardedTcpProcessor processor() {
            return (GuardedTcpProcessor) messageProcessor;
        }

        @Override
        public void run() {
            processor().guard.serve(mySock, myClientInputStream, input -> {
                watched = input;
                myClientInputStream = input;
            }, super::run);
        }

        /**
         * No pong (RFC 5626 4.4.1) where JAIN-SIP cannot send one: it feeds its parser the end of a connection as a
         * keep-alive and would answer by opening a new connection to the peer's port, and it cannot write on an
         * accepted connection before its first message (a NullPointerException); both logged as errors.
         */
        @Override
        public void sendSingleCLRF() throws Exception {
            WatchedInputStream input = watched;
            if (peerProtocol != null && (input == null || !input.ended())) {
                super.sendSingleCLRF();
            }
        }

        /** On an accepted connection: bounded by the write timeout, and no longer idle. */
        @Override
        protected synchronized void sendMessage(byte[] message, boolean isClient) throws IOException {
            WatchedInputStream input = watched;
            if (input == null) {
                super.sendMessage(message, isClient);
                return;
            }
            input.wrote();
            processor().guard.boundWrite(mySock, sipStack.getTimer(), () -> super.sendMessage(message, isClient));
        }
    }
}
