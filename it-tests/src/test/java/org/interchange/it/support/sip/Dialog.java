package org.interchange.it.support.sip;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import gov.nist.javax.sip.address.SipUri;

/**
 * One side of a dialog (RFC 3261 12): Call-ID, both tags, the remote target and the route set, from which
 * in-dialog requests are built. Requests follow the route set with loose routing (12.2.1.1), so that they pass
 * every proxy that record-routed; a first route without {@code lr} is a strict router and becomes the
 * Request-URI. Thread-safe.
 */
public final class Dialog {

    private final SipAgent agent;
    private final String callId;
    private final String local;
    private final String remote;
    private final String remoteTarget;
    private final List<String> routeSet;
    private final SipRequest invite;
    private final AtomicLong localCseq;

    private Dialog(SipAgent agent, String callId, String local, String remote, String remoteTarget,
                   List<String> routeSet, SipRequest invite, long localCseq) {
        this.agent = agent;
        this.callId = callId;
        this.local = local;
        this.remote = remote;
        this.remoteTarget = remoteTarget;
        this.routeSet = List.copyOf(routeSet);
        this.invite = invite;
        this.localCseq = new AtomicLong(localCseq);
    }

    /** The dialog's Call-ID. */
    public String callId() {
        return callId;
    }

    /**
     * The caller's side, from its INVITE and the 2xx that answered it (12.1.2): the route set is the 2xx's
     * Record-Route in reverse, the remote target its Contact.
     */
    public static Dialog asCaller(SipAgent agent, SentRequest invite, Received ok) {
        List<String> routes = new ArrayList<>(ok.recordRoutes());
        Collections.reverse(routes);
        return new Dialog(agent, ok.callId(), invite.request().required("From"), ok.header("To").orElseThrow(),
                ok.contactUri().orElseThrow(() -> new AssertionError("the 2xx has no Contact:\n" + ok)), routes,
                invite.request(), invite.request().cseqNumber());
    }

    /** The callee's side, from the INVITE it accepted with {@code localTag} (12.1.1). */
    static Dialog asCallee(SipAgent agent, Received invite, String localTag) {
        return new Dialog(agent, invite.callId(), invite.header("To").orElseThrow() + ";tag=" + localTag,
                invite.header("From").orElseThrow(),
                invite.contactUri().orElseThrow(() -> new AssertionError("the INVITE has no Contact:\n" + invite)),
                invite.recordRoutes(), null, 0);
    }

    /** Sends the ACK for the 2xx to the INVITE (13.2.2.4): the INVITE's CSeq number and credentials, a new branch. */
    public void ack() {
        if (invite == null) {
            throw new IllegalStateException("only the caller's side of a dialog sends the ACK");
        }
        SipRequest ack = build("ACK", invite.cseqNumber());
        for (String name : List.of("Authorization", "Proxy-Authorization")) {
            for (String credentials : invite.headers(name)) {
                ack = ack.with(name, credentials);
            }
        }
        agent.send(ack);
    }

    /** Sends an in-dialog request (BYE, INFO, re-INVITE) with the next CSeq. */
    public SentRequest send(String method) {
        return agent.send(request(method));
    }

    /** An in-dialog request with the next CSeq, to change before {@link SipAgent#send sending} it. */
    public SipRequest request(String method) {
        return build(method, localCseq.incrementAndGet());
    }

    private SipRequest build(String method, long cseq) {
        String requestUri = remoteTarget;
        List<String> routes = routeSet;
        if (!routeSet.isEmpty() && !Received.routeUri(routeSet.get(0)).hasLrParam()) {
            SipUri strictRouter = Received.routeUri(routeSet.get(0));
            requestUri = strictRouter.toString();
            routes = new ArrayList<>(routeSet.subList(1, routeSet.size()));
            routes.add("<" + remoteTarget + ">");
        }
        SipRequest request = SipRequest.of(method, requestUri)
                .with("Via", agent.via())
                .with("Max-Forwards", "70")
                .with("From", local)
                .with("To", remote)
                .with("Call-ID", callId)
                .with("CSeq", cseq + " " + method);
        for (String route : routes) {
            request = request.with("Route", route);
        }
        return request;
    }
}
