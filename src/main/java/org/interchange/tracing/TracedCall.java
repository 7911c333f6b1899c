package org.interchange.tracing;

import java.time.Instant;

/**
 * A traced Call-ID, as {@code sip_trace} holds it.
 *
 * @param callId   the Call-ID
 * @param first    when its first message was traced
 * @param from     the From header field of that message
 * @param to       its To header field
 * @param messages how many of its messages are stored
 */
public record TracedCall(String callId, Instant first, String from, String to, long messages) {
}
