package org.interchange.container;

import java.io.IOException;
import java.io.Reader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.sip.ListeningPoint;

import org.interchange.javax.sip.SipStackImpl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import gov.nist.javax.sip.ListeningPointImpl;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.UDPMessageChannel;

/**
 * The cost of parsing a received datagram into JAIN-SIP's message, as the router's stack does for every request: the
 * parser of the stack's {@code MESSAGE_PARSER_FACTORY} ({@link ReceivedMessageParserFactory}), called as JAIN-SIP's
 * UDP channel calls it ({@code parseSIPMessage(bytes, true, false, channel)}), so that the router's checks run too:
 * private header fields, SIP version and repeated single-valued fields on the bytes ({@link RepeatedHeaders}), the
 * required header fields, the transaction key. Not a test: run with
 * {@code mvn -B -o -pl container-config -Pjmh-container test-compile exec:exec} (see {@code it-tests/bench/README.md}).
 *
 * <p>The stack is the router's ({@link SipStackImpl}) with the shipped {@code conf/mss-sip-stack.properties} (less the
 * router of outgoing requests) and one UDP listener on 127.0.0.1; nothing is sent or received. The messages: an INVITE as a proxy in front of the router
 * relays it (two Vias, Record-Route, a Route to the router, an SDP offer; 1,083 bytes), a REGISTER with credentials
 * and an OPTIONS keep-alive. Beside them, JAIN-SIP's own parser on the INVITE (what the router's checks add), and the
 * parts that are not parsing: the scan of the raw bytes, and the framing a TCP connection's bytes go through.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MessageParsingBenchmark {

    /** The stack properties as the distribution ships them, relative to this module (JMH's working directory). */
    private static final Path SHIPPED_STACK_PROPERTIES = Path.of("conf/mss-sip-stack.properties");

    private static final String SDP_OFFER = """
            v=0\r
            o=alice 2890844526 2890844526 IN IP4 198.51.100.7\r
            s=-\r
            c=IN IP4 198.51.100.7\r
            t=0 0\r
            m=audio 49170 RTP/AVP 0 8 9 101\r
            a=rtpmap:0 PCMU/8000\r
            a=rtpmap:8 PCMA/8000\r
            a=rtpmap:9 G722/8000\r
            a=rtpmap:101 telephone-event/8000\r
            a=fmtp:101 0-16\r
            a=ptime:20\r
            a=sendrecv\r
            """;

    private static final byte[] INVITE = message("""
            INVITE sip:bob@127.0.0.1 SIP/2.0\r
            Via: SIP/2.0/UDP 203.0.113.9:5060;branch=z9hG4bK-edge-4f2a9c;received=203.0.113.9\r
            Via: SIP/2.0/UDP 198.51.100.7:5060;rport=5060;branch=z9hG4bK-ua-77d1e0;received=198.51.100.7\r
            Max-Forwards: 69\r
            Record-Route: <sip:203.0.113.9;lr;ftag=as3e9a1c>\r
            Route: <sip:127.0.0.1;lr>\r
            From: "Alice" <sip:alice@127.0.0.1>;tag=as3e9a1c\r
            To: <sip:bob@127.0.0.1>\r
            Call-ID: 3c26700f2e8d4a49b6a4b7c0a9d1e2f3@198.51.100.7\r
            CSeq: 102 INVITE\r
            Contact: <sip:alice@198.51.100.7:5060;transport=udp>;+sip.instance="<urn:uuid:0c8f6e2a-5b1d-4f3e-9a7c-2d4e6f8a0b1c>"\r
            Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE, REFER, NOTIFY, MESSAGE\r
            Supported: replaces, timer, 100rel\r
            Session-Expires: 1800;refresher=uac\r
            Min-SE: 90\r
            User-Agent: Phone/2.4.1\r
            Content-Type: application/sdp\r
            """, SDP_OFFER);

    private static final byte[] REGISTER = message("""
            REGISTER sip:127.0.0.1 SIP/2.0\r
            Via: SIP/2.0/UDP 198.51.100.7:5060;rport;branch=z9hG4bK-ua-1a2b3c\r
            Max-Forwards: 70\r
            From: <sip:alice@127.0.0.1>;tag=8f2e6c41\r
            To: <sip:alice@127.0.0.1>\r
            Call-ID: 9d5a0e2c7b3f41d8@198.51.100.7\r
            CSeq: 2 REGISTER\r
            Contact: <sip:alice@198.51.100.7:5060;transport=udp>;expires=3600;+sip.instance="<urn:uuid:0c8f6e2a-5b1d-4f3e-9a7c-2d4e6f8a0b1c>"\r
            Authorization: Digest username="alice", realm="127.0.0.1", nonce="AAABk2xQ8gC7c1b9a0d4e2f6A1b2C3d4E5f6G7h8", uri="sip:127.0.0.1", response="6629fae49393a05397450978507c4ef1", algorithm=MD5, qop=auth, nc=00000001, cnonce="0a4f113b"\r
            Expires: 3600\r
            User-Agent: Phone/2.4.1\r
            """, "");

    private static final byte[] OPTIONS = message("""
            OPTIONS sip:127.0.0.1 SIP/2.0\r
            Via: SIP/2.0/UDP 198.51.100.7:5060;rport;branch=z9hG4bK-ua-5e6f7a\r
            Max-Forwards: 70\r
            From: <sip:ping@198.51.100.7>;tag=2c9d1f\r
            To: <sip:127.0.0.1>\r
            Call-ID: 4b8e2a61@198.51.100.7\r
            CSeq: 1 OPTIONS\r
            """, "");

    private SipStackImpl stack;
    private MessageParser routerParser;
    private StringMsgParser jainSipParser;
    private UDPMessageChannel channel;
    private MessageFraming framing;

    @Setup
    public void setUp() throws Exception {
        Properties properties = new Properties();
        try (Reader shipped = Files.newBufferedReader(SHIPPED_STACK_PROPERTIES)) {
            properties.load(shipped);
        }
        // the router of outgoing requests reads the whole router configuration; parsing never meets it
        properties.remove("javax.sip.ROUTER_PATH");
        stack = new SipStackImpl(properties);
        MessageProcessor listener = ((ListeningPointImpl) stack.createListeningPoint("127.0.0.1", freeUdpPort(),
                ListeningPoint.UDP)).getMessageProcessor();
        // a datagram channel, as a user agent's request arrives on; the parser looks only at its kind
        channel = (UDPMessageChannel) listener.createMessageChannel(InetAddress.getByName("198.51.100.7"), 5060);
        if (!(stack.getMessageParserFactory() instanceof ReceivedMessageParserFactory)) {
            throw new IllegalStateException("the shipped stack properties name another parser factory");
        }
        routerParser = stack.getMessageParserFactory().createMessageParser(stack);
        jainSipParser = new StringMsgParser();
        framing = new MessageFraming();

        // each case must parse what it names, or its figure means nothing
        for (byte[] message : new byte[][] {INVITE, REGISTER, OPTIONS}) {
            if (!(routerParser.parseSIPMessage(message, true, false, channel) instanceof ReceivedRequest)) {
                throw new IllegalStateException("the router's parser refused " + new String(message,
                        StandardCharsets.UTF_8));
            }
        }
        if (!RepeatedHeaders.isSip20(INVITE) || RepeatedHeaders.firstRepeatedSingleton(INVITE) != null) {
            throw new IllegalStateException("the INVITE must pass the byte checks");
        }
        long started = framing.messagesStarted();
        framing.consume(INVITE, 0, INVITE.length);
        if (framing.inMessage() || framing.messagesStarted() != started + 1) {
            throw new IllegalStateException("the framing must see the INVITE as one whole message");
        }
    }

    @TearDown
    public void tearDown() {
        stack.stop();
        // JAIN-SIP's stop only flags its event thread, which waits on its queue for good and would keep the JVM alive;
        // interrupted, it sees the flag and ends
        Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("EventScannerThread"))
                .forEach(Thread::interrupt);
    }

    /** An INVITE relayed by a proxy, with an SDP offer (about 1 KB), by the router's parser. */
    @Benchmark
    public SIPMessage invite() throws Exception {
        return routerParser.parseSIPMessage(INVITE, true, false, channel);
    }

    /** A REGISTER with digest credentials, by the router's parser. */
    @Benchmark
    public SIPMessage register() throws Exception {
        return routerParser.parseSIPMessage(REGISTER, true, false, channel);
    }

    /** An OPTIONS keep-alive, by the router's parser. */
    @Benchmark
    public SIPMessage options() throws Exception {
        return routerParser.parseSIPMessage(OPTIONS, true, false, channel);
    }

    /** The same INVITE by JAIN-SIP's own parser, without the router's checks: the difference is what they cost. */
    @Benchmark
    public SIPMessage baselineJainSipInvite() throws Exception {
        return jainSipParser.parseSIPMessage(INVITE, true, false, null);
    }

    /** A part of the router's parse: the SIP version and the repeated single-valued fields, read on the bytes. */
    @Benchmark
    public String partRepeatedHeadersInvite() {
        return RepeatedHeaders.isSip20(INVITE) ? RepeatedHeaders.firstRepeatedSingleton(INVITE) : "505";
    }

    /** Not part of a datagram's parse: the framing every byte read from a TCP or TLS connection goes through. */
    @Benchmark
    public long tcpFramingInvite() {
        framing.consume(INVITE, 0, INVITE.length);
        return framing.messagesStarted();
    }

    /** A message's bytes: its header lines, Content-Length, the blank line and the body. */
    private static byte[] message(String headers, String body) {
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        return (headers + "Content-Length: " + bodyBytes.length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
