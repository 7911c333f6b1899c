package org.interchange.container;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import javax.servlet.sip.SipServletRequest;
import javax.sip.InvalidArgumentException;

import gov.nist.javax.sip.header.CSeq;
import gov.nist.javax.sip.address.AddressImpl;
import gov.nist.javax.sip.header.CallID;
import gov.nist.javax.sip.header.Contact;
import gov.nist.javax.sip.header.ContentLength;
import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.StatusLine;
import gov.nist.javax.sip.header.MaxForwards;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.SIPHeaderList;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.AddressParser;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.ParserFactory;
import gov.nist.javax.sip.parser.RequestLineParser;
import gov.nist.javax.sip.parser.StatusLineParser;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPTransaction;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import org.interchange.container.ReceivedRequest.Note;
import org.interchange.container.trace.SipTap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the router parses what it receives, plugged in as the stack's {@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}.
 * It parses as JAIN-SIP does, and repairs two things the stack gets wrong.
 *
 * <p><b>Malformed requests get a well-formed 400 that says what is wrong</b> (RFC 3261 8.2, 16.3; RFC 4475).
 * JAIN-SIP, under MSS, drops a request that lacks Call-ID, From, To or CSeq without a word, and its own 400 for a
 * request that does not parse is itself malformed (a blank line after its Server header cuts the header section).
 * Plugged in as the stack's {@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}, this parser parses as JAIN-SIP does
 * and, for a request received over a datagram channel that fails, sends the 400 itself and hands the stack
 * nothing. The 400 carries the request's Vias, and of From, To (with a tag), Call-ID and CSeq those that parse.
 * A request whose top Via is unusable cannot be answered and is dropped, as are malformed responses.
 *
 * Over TCP and TLS the channel cannot send before it has processed a message, so such a request is completed with
 * placeholders and marked malformed ({@link ReceivedRequest#malformed}); the router's servlet edge answers it on the
 * connection, which stays open (JAIN-SIP would close it).
 *
 * <p><b>Nothing a peer writes is taken for the router's own notes.</b> Header fields of the router's private namespace
 * ({@value #PRIVATE_HEADER_PREFIX}...) are removed from every message received, before anything reads them: the
 * router keeps its notes on a request out of band ({@link ReceivedRequest}), and integrators' code must not meet a
 * forged one either.
 *
 * <p><b>A request is a new transaction when its sent-by differs</b> (RFC 3261 17.2.3: branch, sent-by and method
 * identify a server transaction). JAIN-SIP keys server transactions by branch alone, so a second client that
 * happens to use the same branch (RFC 4475's messages share {@code z9hG4bKkdjuw}) was taken for a
 * retransmission, and its answer went to the first client. Such a request gets a transaction key of its own.
 */
public class ReceivedMessageParserFactory implements MessageParserFactory {

    /** The start of the names of the router's private header fields, removed from what peers send. */
    public static final String PRIVATE_HEADER_PREFIX = "X-Interchange-";

    /**
     * The note on a malformed request received over a connection: the answer to give, {@code 505 <reason>} or the
     * reason of a 400.
     */
    private static final Note<String> MALFORMED = new Note<>("malformed");

    private static final Logger log = LoggerFactory.getLogger(ReceivedMessageParserFactory.class);
    private static final ThreadLocal<AddressImpl> PLACEHOLDER_ADDRESS = ThreadLocal.withInitial(() -> {
        try {
            return new AddressParser("<sip:malformed.invalid>").address(true);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final int MAX_REASON = 80;
    /** RFC 3261 8.1.1.5: a CSeq sequence number is below 2^31. */
    private static final long CSEQ_LIMIT = 1L << 31;
    /** Header fields without which a request cannot be answered or routed: a parse failure there rejects it. */
    private static final Set<Class<?>> REQUIRED = Set.of(From.class, To.class, CSeq.class, Via.class, CallID.class,
            ContentLength.class, RequestLine.class, StatusLine.class);

    /**
     * What is wrong with a malformed request that arrived over a connection, which the container layer let through
     * to be answered there: {@code 505 <reason>}, or the reason of a 400; empty for a well-formed request.
     */
    public static Optional<String> malformed(SipServletRequest request) {
        return ReceivedRequest.of(request).flatMap(received -> received.note(MALFORMED));
    }

    /** Whether the parser let a malformed request through, to be answered by the servlet edge. */
    static boolean isMalformed(SIPRequest request) {
        return ReceivedRequest.of(request).flatMap(received -> received.note(MALFORMED)).isPresent();
    }

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        StringMsgParser parser = new ReceivedRequestParser();
        return (bytes, readBody, strict, listener) -> parse(parser, stack, bytes, readBody, strict, listener);
    }

    private static SIPMessage parse(StringMsgParser parser, SIPTransactionStack stack, byte[] bytes, boolean readBody,
                                    boolean strict, ParseExceptionListener listener) throws ParseException {
        if (!(listener instanceof MessageChannel channel)) {
            return parser.parseSIPMessage(bytes, readBody, strict, listener); // a stored request parsed again
        }
        boolean connection = channel instanceof ConnectionOrientedMessageChannel;
        String[] failedHeader = {null};
        SIPMessage message;
        try {
            message = parser.parseSIPMessage(bytes, readBody, strict, (ex, partial, headerClass, header, raw) -> {
                // a line without a name (no colon) is no header field of any kind: the request is malformed
                if (headerClass == null || REQUIRED.contains(headerClass)) {
                    failedHeader[0] = header;
                    if (!connection || headerClass == RequestLine.class || headerClass == StatusLine.class) {
                        throw ex; // answered below; the channel's own handling would close a TCP connection
                    }
                }
                partial.addUnparsed(header); // as JAIN-SIP's channels keep a header they cannot parse
            });
        } catch (ParseException e) {
            StackState.malformed();
            String text = new String(bytes, StandardCharsets.UTF_8);
            List<SIPHeader> headers = headersOf(text);
            Source source = Source.of(channel, connection);
            traceRefused(() -> partialOf(text, headers), bytes, channel, source);
            if (isRequest(text)) {
                answer(channel, source, headers.iterator(), 400, reason(e, failedHeader[0]), methodOf(text));
            }
            return null;
        }
        removePrivateHeaders(message);
        if (message instanceof ReceivedRequest request) {
            String problem = failedHeader[0] != null ? printable("bad header: " + failedHeader[0])
                    : problemOf(request, bytes);
            if (problem != null) {
                StackState.malformed();
                if (connection) {
                    markMalformed(request, problem);
                    return request;
                }
                Source source = Source.of(channel, false);
                traceRefused(() -> request, bytes, channel, source);
                if (!"ACK".equals(request.getMethod())) {
                    boolean version = problem.startsWith("505 ");
                    answer(channel, source, request.getHeaders(), version ? 505 : 400,
                            version ? problem.substring(4) : problem, request.getMethod());
                }
                return null;
            }
            keepApartFromOtherSenders(request, stack);
        }
        return message;
    }

    private static MaxForwards maxForwards(int hops) {
        MaxForwards header = new MaxForwards();
        try {
            header.setMaxForwards(hops);
        } catch (InvalidArgumentException e) {
            throw new IllegalArgumentException(e);
        }
        return header;
    }

    /**
     * Lets a malformed request that arrived over a connection reach the servlet edge, which answers it there:
     * the request gets what JAIN-SIP needs to accept it (placeholder Call-ID, From, To without tag, CSeq, Contact)
     * and, out of band, the answer to give.
     */
    private static void markMalformed(ReceivedRequest request, String problem) {
        request.note(MALFORMED, problem);
        try {
            if (request.getCallId() == null) {
                request.setCallId("malformed-" + UUID.randomUUID());
            }
            if (request.getFrom() == null) {
                From from = new From();
                from.setAddress(PLACEHOLDER_ADDRESS.get());
                from.setTag("malformed");
                request.setFrom(from);
            }
            To to = (To) request.getTo();
            if (to == null) {
                to = new To();
                to.setAddress(PLACEHOLDER_ADDRESS.get());
                request.setTo(to);
            }
            to.removeTag(); // an initial request, so that the container hands it to the router
            if (request.getCSeq() == null || !request.getMethod().equals(request.getCSeq().getMethod())) {
                request.setCSeq(new CSeq(1, request.getMethod()));
            }
            if (request.getContactHeader() == null) {
                Contact contact = new Contact();
                contact.setAddress(PLACEHOLDER_ADDRESS.get());
                request.addHeader(contact);
            }
        } catch (ParseException | RuntimeException e) {
            log.debug("Could not mark a malformed request ({}): {}", problem, e.toString());
        }
    }

    /** Removes the header fields of the router's private namespace that a peer sent. */
    private static void removePrivateHeaders(SIPMessage message) {
        List<String> forged = null;
        // the message's own headers, not getHeaderNames(), which copies every name into a new list for each message
        for (Iterator<SIPHeader> headers = message.getHeaders(); headers.hasNext(); ) {
            String name = headers.next().getName();
            if (name.regionMatches(true, 0, PRIVATE_HEADER_PREFIX, 0, PRIVATE_HEADER_PREFIX.length())) {
                (forged == null ? forged = new ArrayList<>(1) : forged).add(name);
            }
        }
        if (forged != null) {
            forged.forEach(message::removeHeader);
            log.debug("Removed header fields of the router's private namespace a peer sent: {}", forged);
        }
    }

    /** Gives the request its own transaction key when another sender's transaction has its branch. */
    private static void keepApartFromOtherSenders(ReceivedRequest request, SIPTransactionStack stack) {
        if (request.getTopmostVia().getBranch() == null) {
            return;
        }
        String key = request.getTransactionId();
        SIPTransaction existing = stack.findTransaction(key, true);
        if (existing == null) {
            existing = stack.findPendingTransaction(key);
        }
        // the stack's own RFC 3261 17.2.3 match (branch and sent-by), which it skips when it looks a request up
        if (existing != null && !existing.isMessagePartOfTransaction(request)) {
            request.keyBySentBy();
        }
    }

    /** Parses requests into {@link ReceivedRequest}s, which can have a transaction key of their own. */
    private static final class ReceivedRequestParser extends StringMsgParser {
        @Override
        protected SIPMessage processFirstLine(String firstLine, ParseExceptionListener listener, byte[] message)
                throws ParseException {
            SIPMessage parsed = super.processFirstLine(firstLine, listener, message);
            if (parsed instanceof SIPRequest request) {
                ReceivedRequest received = new ReceivedRequest();
                received.setRequestLine(request.getRequestLine());
                return received;
            }
            return parsed;
        }
    }

    /**
     * What makes a parsed request unfit for processing, or null: another SIP version (505, which JAIN-SIP's
     * request line parser hides by writing SIP/2.0), a header field that must appear once appearing more often
     * (the framing or the dialog cannot be known), what JAIN-SIP's own check refuses (missing required headers,
     * CSeq method mismatch), or a CSeq number of 2^31 or more (RFC 3261 8.1.1.5). A missing Max-Forwards is added
     * (RFC 3261 16.6 step 3), not refused.
     */
    private static String problemOf(SIPRequest request, byte[] bytes) {
        if (!RepeatedHeaders.isSip20(bytes)) {
            return "505 Version Not Supported";
        }
        String repeated = RepeatedHeaders.firstRepeatedSingleton(bytes);
        if (repeated != null) {
            return "more than one " + repeated;
        }
        if (request.getMaxForwards() == null) {
            request.setHeader(maxForwards(70));
        }
        try {
            request.checkHeaders();
        } catch (ParseException e) {
            return e.getMessage().replace("Missing a required header : ", "Missing ");
        }
        return request.getCSeq().getSeqNumber() < CSEQ_LIMIT ? null : "CSeq number not below 2^31";
    }

    /**
     * Sends a 400 (or 505) built from the headers that parsed; nothing when there is no usable Via to answer along.
     * A CSeq that did not parse is answered as {@code CSeq: 1 <method>}: JAIN-SIP cannot send a response without.
     */
    private static void answer(MessageChannel channel, Source source, Iterator<SIPHeader> headers, int status,
                               String reason, String method) {
        SIPResponse response = new SIPResponse();
        boolean hasVia = false;
        try {
            response.setStatusCode(status);
            response.setReasonPhrase(status == 400 ? "Bad Request (" + reason + ")" : reason);
            while (headers.hasNext()) {
                SIPHeader header = headers.next();
                if (header instanceof SIPHeaderList<?> list && list.getFirst() instanceof Via) {
                    for (Object via : list) {
                        response.addHeader((Via) via);
                        hasVia = true;
                    }
                } else if (header instanceof Via via) {
                    response.addHeader(via);
                    hasVia = true;
                } else if (header instanceof To to) {
                    if (to.getTag() == null) {
                        to.setTag(UUID.randomUUID().toString().substring(0, 8));
                    }
                    response.addHeader(to);
                } else if (header instanceof From || header instanceof CallID || header instanceof CSeq) {
                    response.addHeader(header);
                }
            }
            if (!hasVia) {
                log.debug("Dropped a malformed request without a usable Via: {}", reason);
                return;
            }
            if (response.getCSeq() == null) {
                response.setCSeq(new CSeq(1, method));
            }
            if (MessageFactoryImpl.getDefaultServerHeader() != null) {
                response.addHeader(MessageFactoryImpl.getDefaultServerHeader());
            }
            response.setContentLength(new ContentLength(0));
            // RFC 3261 18.2.2: the source address, at the top Via's port; RFC 3581: at the source port if it asks
            Via top = response.getTopmostVia();
            int port = viaPort(top);
            if (top.hasParameter(Via.RPORT) && source.port().isPresent()) {
                port = source.port().getAsInt();
                top.setParameter(Via.RECEIVED, source.address().getHostAddress());
                top.setParameter(Via.RPORT, Integer.toString(port));
            }
            channel.sendMessage(response, source.address(), port);
            StackState.answeredStatelessly(status);
            log.debug("Answered a malformed request: {} {}", status, reason);
        } catch (ParseException | IOException | RuntimeException e) {
            log.debug("Could not answer a malformed request ({}): {}", reason, e.toString());
        }
    }

    /**
     * Where a message being parsed came from: a datagram's source as its stack thread took it from the receive queue,
     * or a connection's peer. JAIN-SIP's channel sets a datagram's source port only after parsing, so without the
     * queue (a thread per datagram) the port is unknown.
     */
    private record Source(InetAddress address, OptionalInt port) {
        static Source of(MessageChannel channel, boolean connection) {
            Optional<DatagramPacket> datagram = connection ? Optional.empty() : UdpReceiveQueue.processing();
            if (datagram.isPresent()) {
                return new Source(datagram.get().getAddress(), OptionalInt.of(datagram.get().getPort()));
            }
            return new Source(literal(channel.getPeerAddress()),
                    connection ? OptionalInt.of(channel.getPeerPort()) : OptionalInt.empty());
        }

        /** The channel's peer, an address literal (no lookup); a zone index ({@code fe80::1%2}) included. */
        private static InetAddress literal(String address) {
            try {
                return InetAddress.getByName(address);
            } catch (UnknownHostException e) {
                throw new IllegalStateException("a channel's peer that is no address: " + address, e);
            }
        }
    }

    /**
     * Shows a message the parser refused to the router's tracing, if a trace runs: the stack never sees it, so its
     * message logger, through which every other message is traced, does not either.
     */
    private static void traceRefused(Supplier<SIPMessage> parsing, byte[] bytes, MessageChannel channel,
                                     Source source) {
        if (!SipTap.on()) {
            return;
        }
        SIPMessage parsed = parsing.get();
        int port = source.port().orElse(viaPort(parsed.getTopmostVia()));
        SipTap.refused(parsed, new String(bytes, StandardCharsets.UTF_8),
                source.address().getHostAddress() + ":" + port, channel.getHost() + ":" + channel.getPort());
    }

    /**
     * What parsed of a message that did not: its start line, if that parses (else a request keeps its method), and
     * the header fields that parse on their own.
     */
    private static SIPMessage partialOf(String text, List<SIPHeader> headers) {
        String startLine = text.substring(0, Math.max(0, text.indexOf('\n'))).trim() + "\n";
        SIPMessage partial;
        if (text.startsWith("SIP/")) {
            SIPResponse response = new SIPResponse();
            try {
                response.setStatusLine(new StatusLineParser(startLine).parse());
            } catch (ParseException | RuntimeException e) {
                // traced without a status
            }
            partial = response;
        } else {
            SIPRequest request = new SIPRequest();
            RequestLine line;
            try {
                line = new RequestLineParser(startLine).parse();
            } catch (ParseException | RuntimeException e) {
                line = new RequestLine();
                line.setMethod(methodOf(text));
            }
            request.setRequestLine(line);
            partial = request;
        }
        headers.forEach(partial::addHeader);
        return partial;
    }

    /** The port a Via names, 5060 when it names none (RFC 3261 18.2.2); 5060 for no Via either. */
    private static int viaPort(Via via) {
        return via != null && via.getPort() > 0 ? via.getPort() : 5060;
    }

    /** The first word of a message that did not parse: a request's method. */
    private static String methodOf(String text) {
        return text.substring(0, Math.max(0, text.indexOf(' ')));
    }

    /** The header fields of a raw message that parse on their own, in order (lines unfolded). */
    private static List<SIPHeader> headersOf(String text) {
        List<SIPHeader> headers = new ArrayList<>();
        String[] lines = text.split("\r\n|\n", -1);
        StringBuilder current = null;
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
            String line = lines[i];
            if ((line.startsWith(" ") || line.startsWith("\t")) && current != null) {
                current.append(' ').append(line.trim());
                continue;
            }
            addParsed(headers, current);
            current = new StringBuilder(line);
        }
        addParsed(headers, current);
        return headers;
    }

    private static void addParsed(List<SIPHeader> headers, StringBuilder line) {
        if (line == null) {
            return;
        }
        try {
            headers.add(ParserFactory.createParser(line + "\n").parse());
        } catch (ParseException | RuntimeException e) {
            // a malformed header is left out of the answer
        }
    }

    private static boolean isRequest(String text) {
        int space = text.indexOf(' ');
        return space > 0 && !text.startsWith("SIP/") && !text.startsWith("ACK ");
    }

    private static String reason(ParseException e, String failedHeader) {
        return printable(failedHeader != null ? "bad header: " + failedHeader : String.valueOf(e.getMessage()));
    }

    /** Text fit for a reason phrase: printable ASCII, at most {@value #MAX_REASON} characters. */
    private static String printable(String text) {
        StringBuilder printable = new StringBuilder();
        for (char c : text.toCharArray()) {
            printable.append(c >= 0x20 && c < 0x7f ? c : ' ');
        }
        String reason = printable.toString().trim();
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason;
    }
}
