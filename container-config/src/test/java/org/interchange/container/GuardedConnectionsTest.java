package org.interchange.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import java.text.ParseException;

import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.message.MessageFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A JAIN-SIP stack with {@link OverloadSafeMessageProcessorFactory} and one TCP listener on 127.0.0.1 that answers
 * OPTIONS with 200, and peers on loopback addresses: what each peer sees of its connection, served (its OPTIONS
 * answered) or closed (end-of-stream).
 */
class GuardedConnectionsTest {

    private static final int WAIT_MS = 10_000;
    private static final byte[] CRLF = {'\r', '\n'};

    private final List<Socket> peers = new ArrayList<>();
    private gov.nist.javax.sip.SipStackImpl stack;
    private int port;

    @AfterEach
    void stop() throws IOException {
        for (Socket peer : peers) {
            peer.close();
        }
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void aConnectionBeyondTheLimitOfItsSourceIsClosedAtOnceWhileAnotherSourceGetsIn() throws Exception {
        start(10, 2, 60_000, 60_000, 60_000);
        Socket first = connect("127.0.0.1");
        Socket second = connect("127.0.0.1");

        Socket third = connect("127.0.0.1");
        Socket fromElsewhere = connect("127.0.0.2");

        assertClosedByTheStack(third);
        assertServed(first);
        assertServed(second);
        assertServed(fromElsewhere);
    }

    @Test
    void aConnectionBeyondTheGlobalLimitIsClosedAtOnce() throws Exception {
        start(2, 2, 60_000, 60_000, 60_000);
        Socket first = connect("127.0.0.1");
        Socket second = connect("127.0.0.2");

        Socket third = connect("127.0.0.3");

        assertClosedByTheStack(third);
        assertServed(first);
        assertServed(second);
    }

    /** The place is freed when the stack has seen the close: until then a new connection may still be refused. */
    @Test
    void aClosedConnectionFreesItsPlace() throws Exception {
        start(1, 1, 60_000, 60_000, 60_000);
        Socket first = connect("127.0.0.1");
        assertServed(first);
        first.close();

        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        String answer = "";
        while (answer.isEmpty() && System.nanoTime() < deadline) {
            answer = statusOfOptions(connect("127.0.0.1"));
        }

        assertThat(answer).isEqualTo("SIP/2.0 200");
    }

    @Test
    void anIdleConnectionIsClosed() throws Exception {
        start(10, 10, 300, 60_000, 60_000);

        Socket idle = connect("127.0.0.1");

        assertClosedByTheStack(idle);
    }

    @Test
    void aMessageTrickledInByteByByteIsCutOffAtTheReadTimeoutThoughTheConnectionNeverIdles() throws Exception {
        start(10, 10, 60_000, 500, 60_000);
        Socket slow = connect("127.0.0.1");
        byte[] request = "OPTIONS sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5070\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        AtomicInteger written = new AtomicInteger();
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        try {
            writer.scheduleAtFixedRate(() -> {
                int next = written.getAndIncrement();
                if (next < request.length) {
                    try {
                        slow.getOutputStream().write(request[next]);
                    } catch (IOException closed) {
                        throw new IllegalStateException(closed); // ends the schedule
                    }
                }
            }, 0, 50, TimeUnit.MILLISECONDS);

            assertClosedByTheStack(slow);
            assertThat(written.get()).as("bytes written before the close").isLessThan(request.length);
        } finally {
            writer.shutdownNow();
        }
    }

    /**
     * A peer sends requests and reads no answer: once the answers fill the socket buffers, the stack's write
     * blocks, and the connection is closed. The peer, which must not read (that would unblock the write), learns
     * of the close when a write of its own fails.
     */
    @Test
    void aPeerThatStopsReadingIsCutOffAtTheWriteTimeout() throws Exception {
        start(10, 10, 60_000, 60_000, 500);
        Socket deaf = new Socket();
        peers.add(deaf);
        deaf.setReceiveBufferSize(4096);
        deaf.connect(new InetSocketAddress("127.0.0.1", port), WAIT_MS);
        for (int sent = 0; sent < 30_000; sent++) {
            deaf.getOutputStream().write(options(deaf, sent)); // more answers than the buffers hold
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean closed = false;
        while (!closed && System.nanoTime() < deadline) {
            try {
                deaf.getOutputStream().write(CRLF); // keep-alive bytes, until the stack has closed the connection
            } catch (SocketException reset) {
                closed = true;
            }
        }

        assertThat(closed).as("the stack closed the connection of the peer that does not read").isTrue();
    }

    private void start(int maxConnections, int perSource, long idleMillis, long readMillis, long writeMillis)
            throws Exception {
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "guarded-connections-test");
        properties.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY",
                OverloadSafeMessageProcessorFactory.class.getName());
        properties.setProperty(ConnectionLimits.MAX_CONNECTIONS_PROPERTY, String.valueOf(maxConnections));
        properties.setProperty(ConnectionLimits.MAX_CONNECTIONS_PER_SOURCE_PROPERTY, String.valueOf(perSource));
        properties.setProperty(ConnectionLimits.IDLE_TIMEOUT_PROPERTY, String.valueOf(idleMillis));
        properties.setProperty(ConnectionLimits.READ_TIMEOUT_PROPERTY, String.valueOf(readMillis));
        properties.setProperty(ConnectionLimits.WRITE_TIMEOUT_PROPERTY, String.valueOf(writeMillis));
        stack = new gov.nist.javax.sip.SipStackImpl(properties);
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        SipProvider provider = stack.createSipProvider(stack.createListeningPoint("127.0.0.1", port, ListeningPoint.TCP));
        MessageFactory messages = SipFactory.getInstance().createMessageFactory();
        provider.addSipListener(new AnsweringListener() {
            @Override
            public void processRequest(RequestEvent event) {
                try {
                    provider.sendResponse(messages.createResponse(200, event.getRequest()));
                } catch (ParseException | SipException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        stack.start();
    }

    private Socket connect(String source) throws IOException {
        Socket socket = new Socket();
        peers.add(socket);
        socket.bind(new InetSocketAddress(source, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), WAIT_MS);
        socket.setSoTimeout(WAIT_MS);
        return socket;
    }

    private byte[] options(Socket socket, int number) {
        String branch = "z9hG4bK-" + socket.getLocalPort() + "-" + number;
        return ("OPTIONS sip:127.0.0.1:" + port + ";transport=tcp SIP/2.0\r\n"
                + "Via: SIP/2.0/TCP " + socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort()
                + ";branch=" + branch + "\r\n"
                + "From: <sip:peer@127.0.0.1>;tag=1\r\nTo: <sip:127.0.0.1>\r\nCall-ID: " + branch + "\r\n"
                + "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private void assertServed(Socket socket) throws IOException {
        assertThat(statusOfOptions(socket)).isEqualTo("SIP/2.0 200");
    }

    /** The start of the answer to an OPTIONS sent on {@code socket}; empty when the stack closed it instead. */
    private String statusOfOptions(Socket socket) throws IOException {
        try {
            socket.getOutputStream().write(options(socket, 0));
            byte[] statusLine = socket.getInputStream().readNBytes("SIP/2.0 200".length());
            return new String(statusLine, StandardCharsets.US_ASCII);
        } catch (SocketException reset) {
            return "";
        }
    }

    /** End-of-stream or a reset, after what arrived before; a read that times out fails the test. */
    private static void assertClosedByTheStack(Socket socket) throws IOException {
        byte[] skipped = new byte[65536];
        try {
            while (socket.getInputStream().read(skipped) >= 0) {
                // what the stack sent before it closed
            }
        } catch (SocketException reset) {
            // closed with data still unsent
        }
    }

    /** A listener that only answers requests. */
    private abstract static class AnsweringListener implements SipListener {
        @Override
        public void processResponse(ResponseEvent event) {
        }

        @Override
        public void processTimeout(TimeoutEvent event) {
        }

        @Override
        public void processIOException(IOExceptionEvent event) {
        }

        @Override
        public void processTransactionTerminated(TransactionTerminatedEvent event) {
        }

        @Override
        public void processDialogTerminated(DialogTerminatedEvent event) {
        }
    }
}
