package org.interchange.container.trace;

import java.util.Properties;

import gov.nist.core.CommonLogger;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.ServerLog;

/**
 * JAIN-SIP's message logger, which hands every message to {@link SipTap} and logs it as JAIN-SIP's own does when
 * log4j's levels ask for that. Plugged in as {@code gov.nist.javax.sip.SERVER_LOGGER}.
 *
 * <p>Where JAIN-SIP 1.3.0-91 calls it (all behind {@code isLoggingEnabled(TRACE_MESSAGES)}): a message sent on any
 * channel ({@code MessageChannel.logMessage}, after the write), a request received ({@code processMessage} of the
 * UDP and connection channels, before the stack acts on it), and a response received
 * ({@code SIPTransactionStack.newSIPServerResponse}, the variant with a status). The UDP channel also reports the
 * responses it receives without a status: those are skipped here, or they would be traced twice.
 */
public class TracingServerLogger extends ServerLog {

    /**
     * Makes every class of the stack ask {@link TracingStackLogger} whether to log: JAIN-SIP's own server logger turns
     * that off for {@code TRACE_LEVEL=LOG4J}, after the stack logger was made.
     */
    @Override
    public void setStackProperties(Properties configurationProperties) {
        super.setStackProperties(configurationProperties);
        CommonLogger.useLegacyLogger = CommonLogger.legacyLogger instanceof TracingStackLogger;
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        if (sender || !(message instanceof SIPResponse)) {
            tap(message, sender, time, from, to);
        }
        if (stackLogsMessages()) {
            super.logMessage(message, from, to, sender, time);
        }
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        tap(message, sender, time, from, to);
        if (stackLogsMessages()) {
            super.logMessage(message, from, to, status, sender, time);
        }
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        logMessage(message, from, to, status, sender, System.currentTimeMillis());
    }

    private static void tap(SIPMessage message, boolean sent, long time, String from, String to) {
        if (SipTap.on() && message.getFirstLine() != null) {
            SipTap.deliver(new TappedMessage(message, sent, time, from, to));
        }
    }

    private static boolean stackLogsMessages() {
        return !(CommonLogger.legacyLogger instanceof TracingStackLogger tracing) || tracing.logsMessages();
    }
}
