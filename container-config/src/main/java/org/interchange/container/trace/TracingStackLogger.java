package org.interchange.container.trace;

import gov.nist.core.LogWriter;

/**
 * JAIN-SIP's stack logger (its log levels from log4j, as before), which also says that messages are logged while
 * {@link SipTap} has a listener: JAIN-SIP reports a message to the server logger only after this check, at every
 * socket it reads or writes. Plugged in as {@code gov.nist.javax.sip.STACK_LOGGER}.
 *
 * <p>While a trace runs, the stack also evaluates its own {@code TRACE_INFO} guards (the level shares the value of
 * {@code TRACE_MESSAGES}); log4j still drops what its levels drop.
 */
public class TracingStackLogger extends LogWriter {

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        return super.isLoggingEnabled(logLevel) || logLevel == TRACE_MESSAGES && SipTap.on();
    }

    /** Whether log4j's levels ask for the messages themselves, whatever the tap does. */
    boolean logsMessages() {
        return super.isLoggingEnabled(TRACE_MESSAGES);
    }
}
