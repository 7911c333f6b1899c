package org.interchange.container.trace;

import java.util.Properties;

import org.apache.log4j.Logger;

import gov.nist.core.CommonLoggerLog4j;

/**
 * JAIN-SIP's stack logger, writing to log4j's {@value #CATEGORY} category (its levels decide what is logged, as
 * before), which also says that messages are logged while {@link SipTap} has a listener: JAIN-SIP reports a message
 * to the server logger only after asking {@code isLoggingEnabled(TRACE_MESSAGES)}, at every socket it reads or
 * writes. Plugged in as {@code gov.nist.javax.sip.STACK_LOGGER}.
 *
 * <p>With {@code TRACE_LEVEL=LOG4J} JAIN-SIP gives each of its classes a log4j logger of its own and asks no stack
 * logger; {@link TracingServerLogger} makes it ask this one for every class instead, so the stack's lines are all
 * logged under {@value #CATEGORY}. While a trace runs, the stack also evaluates its {@code TRACE_INFO} guards (the
 * level shares the value of {@code TRACE_MESSAGES}); log4j still drops what its level drops.
 */
public class TracingStackLogger extends CommonLoggerLog4j {

    /** The log4j category of the stack's lines ({@code gov.nist.javax.sip.LOG4J_LOGGER_NAME} of the stack). */
    public static final String CATEGORY = "gov.nist";

    public TracingStackLogger() {
        super(Logger.getLogger(CATEGORY));
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        return super.isLoggingEnabled(logLevel) || logLevel == TRACE_MESSAGES && SipTap.on();
    }

    @Override
    public void setStackProperties(Properties configurationProperties) {
        // nothing to read: the level is log4j's
    }

    /** Whether log4j's level asks for the messages themselves, whatever the tap does. */
    boolean logsMessages() {
        return super.isLoggingEnabled(TRACE_MESSAGES);
    }
}
