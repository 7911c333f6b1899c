package org.interchange.it.support.sip;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * A request an agent received, for the test to answer as a UAS (RFC 3261 8.2.6): every reply copies Via, From,
 * Call-ID and CSeq, and To with one tag of ours; 18x and 2xx replies to a dialog-creating request also copy
 * Record-Route and carry our Contact (12.1.1).
 */
public final class IncomingRequest {

    private static final Set<String> DIALOG_CREATING = Set.of("INVITE", "SUBSCRIBE", "REFER");
    private static final Map<Integer, String> REASONS = Map.of(100, "Trying", 180, "Ringing", 183, "Session Progress",
            200, "OK", 404, "Not Found", 480, "Temporarily Unavailable", 481, "Call/Transaction Does Not Exist",
            486, "Busy Here", 487, "Request Terminated", 603, "Decline");

    private final SipAgent agent;
    private final Received request;
    private final String localTag = SipAgent.token();

    IncomingRequest(SipAgent agent, Received request) {
        this.agent = agent;
        this.request = request;
    }

    /** The request as received. */
    public Received request() {
        return request;
    }

    /** Replies with a status and its usual reason phrase, no body. */
    public void reply(int status) {
        reply(status, "", "");
    }

    /** Replies with a status and a body of the given type (empty type for none). */
    public void reply(int status, String contentType, String body) {
        StringBuilder response = new StringBuilder("SIP/2.0 ").append(status).append(' ')
                .append(REASONS.getOrDefault(status, "Reply")).append("\r\n");
        request.headers("Via").forEach(via -> header(response, "Via", via));
        boolean dialogReply = status > 100 && status < 300 && DIALOG_CREATING.contains(request.method());
        if (dialogReply) {
            request.recordRoutes().forEach(route -> header(response, "Record-Route", route));
        }
        header(response, "From", request.header("From").orElseThrow());
        String to = request.header("To").orElseThrow();
        header(response, "To", status > 100 && request.toTag().isEmpty() ? to + ";tag=" + localTag : to);
        header(response, "Call-ID", request.callId());
        header(response, "CSeq", request.cseqNumber() + " " + request.cseqMethod());
        if (dialogReply) {
            header(response, "Contact", "<" + agent.contactUri() + ">");
        }
        if (!contentType.isEmpty()) {
            header(response, "Content-Type", contentType);
        }
        header(response, "Content-Length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length));
        response.append("\r\n").append(body);
        agent.reply(request, response.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Answers an INVITE with 200 and an SDP answer; returns the dialog this side now has. */
    public Dialog accept() {
        reply(200, "application/sdp", agent.sessionDescription());
        return Dialog.asCallee(agent, request, localTag);
    }

    private static void header(StringBuilder response, String name, String value) {
        response.append(name).append(": ").append(value).append("\r\n");
    }

    @Override
    public String toString() {
        return request.summary();
    }
}
