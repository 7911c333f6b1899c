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
    }
}
