package org.interchange.container;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import gov.nist.javax.sip.header.CSeq;
import gov.nist.javax.sip.header.CallID;
import gov.nist.javax.sip.header.ContentLength;
import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.SIPHeaderList;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.ParserFactory;
import gov.nist.javax.sip.parser.StringMsgParserFactory;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers malformed requests with a well-formed 400 that says what is wrong (RFC 3261 8.2, 16.3; RFC 4475).
 *
 * <p>JAIN-SIP, under MSS, drops a request that lacks Call-ID, From, To or CSeq without a word, and its own 400 for a
 * request that does not parse is itself malformed (a blank line after its Server header cuts the header section).
 * Plugged in as the stack's {@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}, this parser parses as JAIN-SIP does
 * and, for a request received over a datagram channel that fails, sends the 400 itself and hands the stack
 * nothing. The 400 carries the request's Vias, and of From, To (with a tag), Call-ID and CSeq those that parse.
 * A request whose top Via is unusable cannot be answered and is dropped, as are malformed responses.
 *
 * <p>Over TCP and TLS JAIN-SIP parses without a channel to answer on; there, this parser changes nothing.
 */
public class AnsweringMessageParserFactory implements MessageParserFactory {

    private static final Logger log = LoggerFactory.getLogger(AnsweringMessageParserFactory.class);
    private static final int MAX_REASON = 80;

    private final MessageParserFactory standard = new StringMsgParserFactory();

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        MessageParser parser = standard.createMessageParser(stack);
        return (bytes, readBody, strict, listener) -> parse(parser, bytes, readBody, strict, listener);
    }

    private static SIPMessage parse(MessageParser parser, byte[] bytes, boolean readBody, boolean strict,
                                    ParseExceptionListener listener) throws ParseException {
        if (!(listener instanceof MessageChannel channel)) {
            return parser.parseSIPMessage(bytes, readBody, strict, listener);
        }
        String[] failedHeader = {null};
        SIPMessage message;
        try {
            message = parser.parseSIPMessage(bytes, readBody, strict, (ex, partial, headerClass, header, raw) -> {
                failedHeader[0] = header;
                listener.handleException(ex, partial, headerClass, header, raw);
            });
        } catch (ParseException e) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (isRequest(text)) {
                answer(channel, headersOf(text), reason(e, failedHeader[0]));
            }
            return null;
        }
        if (message instanceof SIPRequest request && !"ACK".equals(request.getMethod())) {
            String missing = missingRequiredHeader(request);
            if (missing != null) {
                answer(channel, request.getHeaders(), "Missing " + missing);
                return null;
            }
        }
        return message;
    }

    private static String missingRequiredHeader(SIPRequest request) {
        if (request.getCallId() == null) {
            return "Call-ID";
        }
        if (request.getFrom() == null) {
            return "From";
        }
        if (request.getTo() == null) {
            return "To";
        }
        if (request.getCSeq() == null) {
            return "CSeq";
        }
        return request.getTopmostVia() == null ? "Via" : null;
    }

    /** Sends a 400 built from the headers that parsed; nothing when there is no usable Via to answer along. */
    private static void answer(MessageChannel channel, Iterator<SIPHeader> headers, String reason) {
        SIPResponse response = new SIPResponse();
        boolean hasVia = false;
        try {
            response.setStatusCode(400);
            response.setReasonPhrase("Bad Request (" + reason + ")");
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
            if (MessageFactoryImpl.getDefaultServerHeader() != null) {
                response.addHeader(MessageFactoryImpl.getDefaultServerHeader());
            }
            response.setContentLength(new ContentLength(0));
            // RFC 3261 18.2.2 with RFC 3581: the datagram's source address, the port the top Via asks for (the
            // channel does not know the datagram's source port while parsing, so a bare rport cannot be honoured)
            Via top = response.getTopmostVia();
            int port = top.getRPort() > 0 ? top.getRPort() : top.getPort() > 0 ? top.getPort() : 5060;
            channel.sendMessage(response, InetAddress.getByName(channel.getPeerAddress()), port); // a literal
            log.debug("Answered a malformed request: 400 {}", reason);
        } catch (ParseException | IOException | RuntimeException e) {
            log.debug("Could not answer a malformed request ({}): {}", reason, e.toString());
        }
    }

    /** The header fields of a raw message that parse on their own, in order (lines unfolded). */
    private static Iterator<SIPHeader> headersOf(String text) {
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
        return headers.iterator();
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
        String detail = failedHeader != null ? "bad header: " + failedHeader : String.valueOf(e.getMessage());
        StringBuilder printable = new StringBuilder();
        for (char c : detail.toCharArray()) {
            printable.append(c >= 0x20 && c < 0x7f ? c : ' ');
        }
        String reason = printable.toString().trim();
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason;
    }
}
