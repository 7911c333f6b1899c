package org.interchange.container.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.nist.core.CommonLogger;
import gov.nist.core.LogLevels;
import gov.nist.core.StackLogger;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;

/** The stack asks for messages only while a listener is on the tap, and each message reaches it once. */
class TracingLoggersTest {

    /** What the listener saw of each message, read while the stack waited for it. */
    private final List<String> tapped = new ArrayList<>();
    private final SipTap.Listener listener = message -> tapped.add(message.sent() + " " + message.transport() + " "
            + message.method() + " " + message.status() + " " + message.source() + " > " + message.destination()
            + " " + message.callId());
    private final Logger category = Logger.getLogger(TracingStackLogger.CATEGORY);
    private final Level level = category.getLevel();
    private final StackLogger stackLogger = CommonLogger.legacyLogger;

    /** As the distribution's log4j.properties has it; the stack logger the stack would have made. */
    @BeforeEach
    void asShipped() {
        category.setLevel(Level.WARN);
        CommonLogger.legacyLogger = new TracingStackLogger();
    }

    @AfterEach
    void restore() {
        SipTap.stop(listener);
        category.setLevel(level);
        CommonLogger.legacyLogger = stackLogger;
    }

    @Test
    void messagesAreLoggedOnlyWhileTheTapHasAListener() {
        TracingStackLogger stackLogger = new TracingStackLogger();
        assertThat(stackLogger.isLoggingEnabled(LogLevels.TRACE_MESSAGES)).as("log4j's gov.nist is at WARN").isFalse();

        SipTap.listen(listener);
        assertThat(stackLogger.isLoggingEnabled(LogLevels.TRACE_MESSAGES)).isTrue();
        assertThat(stackLogger.isLoggingEnabled(LogLevels.TRACE_DEBUG)).isFalse();

        SipTap.stop(listener);
        assertThat(stackLogger.isLoggingEnabled(LogLevels.TRACE_MESSAGES)).isFalse();
    }

    @Test
    void aReceivedResponseIsTappedOnceThoughTheUdpChannelAndTheStackBothReportIt() throws Exception {
        TracingServerLogger serverLogger = new TracingServerLogger();
        SipTap.listen(listener);
        SIPMessage response = parse("SIP/2.0 180 Ringing\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK1\r\n"
                + "From: <sip:a@h>;tag=1\r\nTo: <sip:b@h>;tag=2\r\nCall-ID: c1\r\nCSeq: 1 INVITE\r\n"
                + "Content-Length: 0\r\n\r\n");

        serverLogger.logMessage(response, "198.51.100.7:5062", "127.0.0.1:5060", false, 1);
        serverLogger.logMessage(response, "198.51.100.7:5062", "127.0.0.1:5060", "before processing", false, 1);

        assertThat(tapped).containsExactly("false UDP INVITE 180 /198.51.100.7:5062 > /127.0.0.1:5060 c1");
    }

    @Test
    void aSentRequestIsTappedWithItsAddressesAndTransport() throws Exception {
        TracingServerLogger serverLogger = new TracingServerLogger();
        SipTap.listen(listener);
        SIPMessage request = parse("OPTIONS sip:b@h SIP/2.0\r\nVia: SIP/2.0/TCP [::1]:5060;branch=z9hG4bK1\r\n"
                + "From: <sip:a@h>;tag=1\r\nTo: <sip:b@h>\r\nCall-ID: c2\r\nCSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n");

        serverLogger.logMessage(request, "::1:5060", "[2001:db8::7]:5062", true, 1);

        assertThat(tapped).containsExactly("true TCP OPTIONS 0 /[0:0:0:0:0:0:0:1]:5060 > /[2001:db8:0:0:0:0:0:7]:5062 c2");
    }

    private static SIPMessage parse(String text) throws Exception {
        return new StringMsgParser().parseSIPMessage(text.getBytes(StandardCharsets.UTF_8), true, false, null);
    }
}
