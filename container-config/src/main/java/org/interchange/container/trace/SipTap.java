package org.interchange.container.trace;

import gov.nist.javax.sip.message.SIPMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the SIP stack's messages meet the router's tracing. The router (a web application, on another class loader)
 * {@linkplain #listen installs} a listener while at least one trace runs and {@linkplain #stop removes} it when the
 * last one stops; {@link TracingServerLogger} hands it every message sent or received meanwhile. Thread-safe.
 */
public final class SipTap {

    /** Receives the stack's messages. */
    @FunctionalInterface
    public interface Listener {
        /**
         * Called on the SIP stack's thread that sent or received the message, which waits for it: look, copy what is
         * kept, and return (no I/O). The message is valid during the call only.
         */
        void tapped(TappedMessage message);
    }

    private static final Logger log = LoggerFactory.getLogger(SipTap.class);

    private static volatile Listener listener;

    private SipTap() {
    }

    /** Makes the stack report every message to {@code messages}, in place of any listener before. */
    public static synchronized void listen(Listener messages) {
        listener = messages;
    }

    /** Makes the stack report messages no more, if {@code messages} is still the listener. */
    public static synchronized void stop(Listener messages) {
        if (listener == messages) {
            listener = null;
        }
    }

    /** Whether a listener is installed: the stack's only cost per message while nothing is traced. */
    public static boolean on() {
        return listener != null;
    }

    /**
     * Reports a message the router's parser refused (a malformed request or response), which the stack never sees
     * and so never logs: {@code text} as received, {@code parsed} what could be read of it.
     */
    public static void refused(SIPMessage parsed, String text, String source, String destination) {
        if (on()) {
            deliver(new TappedMessage(parsed, text, false, System.currentTimeMillis(), source, destination));
        }
    }

    static void deliver(TappedMessage message) {
        Listener current = listener;
        if (current != null) {
            try {
                current.tapped(message);
            } catch (RuntimeException e) { // tracing must never fail the stack's send or receive
                log.warn("Tracing skipped a message: {}", e.toString());
            }
        }
    }
}
