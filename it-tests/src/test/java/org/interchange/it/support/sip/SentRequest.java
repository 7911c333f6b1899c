package org.interchange.it.support.sip;

import java.net.InetSocketAddress;
import java.util.function.Predicate;

/** A request an agent sent: waits for its responses, and builds the requests that refer to it (CANCEL, ACK). */
public final class SentRequest {

    private final SipAgent agent;
    private final SipRequest request;
    private final InetSocketAddress destination;

    SentRequest(SipAgent agent, SipRequest request, InetSocketAddress destination) {
        this.agent = agent;
        this.request = request;
        this.destination = destination;
    }

    /** The request as sent. */
    public SipRequest request() {
        return request;
    }

    /** Where it was sent. */
    public InetSocketAddress destination() {
        return destination;
    }

    /** The next response of this status to it, waiting up to {@link SipAgent#WAIT}. */
    public Received awaitResponse(int status) {
        return awaitResponse(status + " response", response -> response.status() == status);
    }

    /** The next final response (200-699) to it, waiting up to {@link SipAgent#WAIT}. */
    public Received awaitFinalResponse() {
        return awaitResponse("final response", Received::isFinal);
    }

    /** The next matching response to it, waiting up to {@link SipAgent#WAIT}. */
    public Received awaitResponse(String description, Predicate<Received> which) {
        return agent.awaitResponse(description + " to " + request.method() + " (branch " + request.branch() + ")",
                response -> answers(response) && which.test(response));
    }

    /**
     * Cancels this INVITE (RFC 3261 9.1): the same Request-URI, Call-ID, From, To, top Via and Route, CSeq number
     * with the method CANCEL; sent where the INVITE went.
     */
    public SentRequest cancel() {
        SipRequest cancel = SipRequest.of("CANCEL", request.requestUri())
                .with("Via", request.required("Via"))
                .with("Max-Forwards", "70")
                .with("From", request.required("From"))
                .with("To", request.required("To"))
                .with("Call-ID", request.callId())
                .with("CSeq", request.cseqNumber() + " CANCEL");
        for (String route : request.headers("Route")) {
            cancel = cancel.with("Route", route);
        }
        return agent.send(cancel);
    }

    /** The ACK for a non-2xx final response to this INVITE (RFC 3261 17.1.1.3), part of its transaction. */
    SipRequest ackForFailure(Received response) {
        SipRequest ack = SipRequest.of("ACK", request.requestUri())
                .with("Via", request.required("Via"))
                .with("Max-Forwards", "70")
                .with("From", request.required("From"))
                .with("To", response.header("To").orElseThrow())
                .with("Call-ID", request.callId())
                .with("CSeq", request.cseqNumber() + " ACK");
        for (String route : request.headers("Route")) {
            ack = ack.with("Route", route);
        }
        return ack;
    }

    private boolean answers(Received response) {
        return request.branch().equals(response.branch()) && response.cseqMethod().equals(request.method());
    }

    @Override
    public String toString() {
        return request.method() + " " + request.requestUri() + " (branch " + request.branch() + ")";
    }
}
