package org.interchange.proxy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;

import javax.net.ssl.SSLException;
import javax.servlet.ServletException;
import javax.servlet.sip.Address;
import javax.servlet.sip.Proxy;
import javax.servlet.sip.ProxyBranch;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServlet;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.URI;

import org.interchange.container.SipHeaderFields;
import org.interchange.container.bridge.BridgeMarker;
import org.interchange.container.bridge.BridgeMarker.Bridge;
import org.interchange.core.BeanLookup;
import org.interchange.core.SipEdge;
import org.interchange.core.sip.Reply.SipHeader;
import org.interchange.proxy.BestResponse.BranchResponse;
import org.interchange.proxy.BestResponse.Forwarded;
import org.interchange.proxy.Routing.Relay;
import org.interchange.proxy.Routing.Respond;
import org.mobicents.javax.servlet.sip.SipFactoryExt;
import org.mobicents.javax.servlet.sip.SipServletResponseExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP entry point for every request but REGISTER ({@code sip.xml} maps it): asks the {@link RequestRouter} and
 * answers or proxies. In-dialog requests are left to the container, which relays them along their Route headers,
 * statefully while it knows their dialog, statelessly for a dialog set up before the router restarted.
 */
public class ProxyServlet extends SipServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(ProxyServlet.class);
    /** The application-session attribute holding what is left to try of a relay. */
    private static final String REMAINING = Relay.class.getName();
    /** The application-session attribute set once a 2xx to the proxied INVITE went upstream. */
    private static final String ANSWERED = ProxyServlet.class.getName() + ".answered";

    private transient RequestRouter router;
    private transient ProxySettings settings;
    private transient SipFactory sipFactory;

    @Override
    public void init() throws ServletException {
        super.init();
        router = BeanLookup.bean(RequestRouter.class);
        settings = BeanLookup.bean(ProxySettings.class);
        sipFactory = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
        // in-dialog requests of dialogs MSS no longer knows (set up before a restart) are relayed along their Route
        // set, through doRequest, as Kamailio's loose_route would; without this MSS answers them 481
        ((SipFactoryExt) sipFactory).setRouteOrphanRequests(true);
    }

    /** Responses to relayed requests of dialogs MSS no longer knows go on upstream without the proxy's handling. */
    @Override
    protected void doResponse(SipServletResponse response) throws ServletException, IOException {
        if (!((SipServletResponseExt) response).isOrphan()) {
            super.doResponse(response);
        }
    }

    @Override
    protected void doRequest(SipServletRequest request) throws ServletException, IOException {
        if (!request.isInitial()) {
            bridgeInDialog(request); // then the container relays it along its Route headers
            return;
        }
        if ("ACK".equals(request.getMethod()) || "CANCEL".equals(request.getMethod())) {
            return; // a stray ACK or CANCEL takes no answer from us
        }
        SipEdge.handle(request, router::route, routing -> {
            if (routing instanceof Respond respond) {
                SipEdge.send(request, respond.reply());
            } else if (routing instanceof Relay relay) {
                relay(request, relay);
            }
        });
    }

    private void relay(SipServletRequest request, Relay relay) throws ServletException, IOException {
        if ("INVITE".equals(request.getMethod())) {
            request.createResponse(100).send(); // RFC 3261 16.2; MSS does not send it for a proxied INVITE
        }
        Proxy proxy = request.getProxy();
        proxy.setRecordRoute(relay.recordRoute());
        if (relay.recordRoute()) {
            proxy.getRecordRouteURI().setParameter(RequestRouter.LOOP_PARAM, relay.loopHash());
        }
        proxy.setParallel(true);
        proxy.setSupervised(true);
        proxy.setProxyTimeout(settings.branchTimeout());
        start(proxy, relay);
    }

    /**
     * The best final response of a target group (RFC 3261 16.7): when it failed and the search is not over, the
     * next group is tried and this response is not forwarded; otherwise it is adjusted as step 6 and 7 ask.
     */
    @Override
    protected void doErrorResponse(SipServletResponse response) throws ServletException, IOException {
        Proxy proxy = response.getProxy();
        if (proxy == null || response.isBranchResponse()) {
            return;
        }
        Relay remaining = (Relay) response.getApplicationSession().getAttribute(REMAINING);
        Optional<Relay> next = remaining == null || router.searchIsOver(response.getStatus())
                ? Optional.empty() : remaining.next();
        if (next.isPresent()) {
            start(proxy, next.get());
            return;
        }
        List<BranchResponse> others = new ArrayList<>();
        for (ProxyBranch branch : proxy.getProxyBranches()) {
            SipServletResponse other = branch.getResponse();
            if (other != null && other != response && other.getStatus() >= 300) {
                others.add(branchResponse(other));
            }
        }
        Forwarded forwarded = BestResponse.forward(branchResponse(response), others);
        if (forwarded.status() != response.getStatus()) {
            response.setStatus(forwarded.status(), forwarded.reason());
        }
        forwarded.addedChallenges().forEach(h -> SipHeaderFields.append(response, h.name(), h.value()));
    }

    /** Remembers that the call was answered: branches that ring later are cancelled (see below). */
    @Override
    protected void doSuccessResponse(SipServletResponse response) {
        if (response.getProxy() != null && !response.isBranchResponse() && "INVITE".equals(response.getMethod())) {
            response.getApplicationSession().setAttribute(ANSWERED, Boolean.TRUE);
        }
    }

    /**
     * A branch that rings after another answered is cancelled now (RFC 3261 9.1 forbids a CANCEL before the first
     * provisional response, 16.7 step 10 asks for it after). MSS only stops such a branch's retransmissions when
     * the call is answered, and never cancels it, so it would ring on.
     */
    @Override
    protected void doProvisionalResponse(SipServletResponse response) throws IOException {
        if (response.getProxy() != null && response.getStatus() > 100 && "INVITE".equals(response.getMethod())
                && response.getApplicationSession().getAttribute(ANSWERED) != null) {
            response.getRequest().createCancel().send();
        }
    }

    /**
     * Notes which listeners an in-dialog request crosses, read from the Record-Route entries of ours it comes back
     * with, so that it leaves through the listener facing its next hop. CANCEL is left alone: the stack sends it
     * where the request it cancels went.
     */
    private void bridgeInDialog(SipServletRequest request) {
        Address popped = request.getPoppedRoute();
        if (popped == null || "CANCEL".equals(request.getMethod())) {
            return;
        }
        try {
            router.inDialog(SipEdge.read(request), popped.toString()).ifPresent(crossing -> BridgeMarker.mark(request,
                    new Bridge(crossing.egress(), crossing.ingress(), crossing.egressOwnAddress(),
                            crossing.ingressOwnAddress())));
        } catch (IllegalArgumentException e) {
            // a Route or Request-URI the bridge cannot read (SipSyntaxException among others): the container relays
            // the request from the listener it chooses itself
            log.warn("{} {}: not bridged: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        }
    }

    private static BranchResponse branchResponse(SipServletResponse response) {
        List<SipHeader> challenges = new ArrayList<>();
        for (String name : List.of("WWW-Authenticate", "Proxy-Authenticate")) {
            response.getHeaders(name).forEachRemaining(value -> challenges.add(new SipHeader(name, value)));
        }
        return new BranchResponse(response.getStatus(), challenges);
    }

    private void start(Proxy proxy, Relay relay) throws ServletException, IOException {
        List<Target> group = relay.groups().get(0);
        List<URI> uris = new ArrayList<>(group.size());
        for (Target target : group) {
            uris.add(sipFactory.createURI(target.uri()));
        }
        List<ProxyBranch> branches = proxy.createProxyBranches(uris);
        for (int i = 0; i < branches.size(); i++) {
            Target target = group.get(i);
            List<String> routes = target.routes();
            SipServletRequest branchRequest = branches.get(i).getRequest();
            BridgeMarker.mark(branchRequest, new Bridge(target.listener(), relay.ingress(), target.ownAddress(),
                    relay.ingressOwnAddress()));
            for (ListIterator<String> route = routes.listIterator(routes.size()); route.hasPrevious(); ) {
                branchRequest.pushRoute(sipFactory.createAddress(route.previous()));
            }
        }
        proxy.getOriginalRequest().getApplicationSession().setAttribute(REMAINING, relay);
        try {
            proxy.startProxy();
        } catch (IllegalStateException notSent) {
            answerUnreachable(proxy.getOriginalRequest(), notSent);
        }
    }

    /**
     * A branch the stack could not send (MSS throws out of {@code startProxy} when a connection cannot be opened, or
     * a TLS server's certificate does not name the host called) is answered 503 with the reason, rather than the 500
     * of an unexpected failure. Anything else is unexpected.
     */
    private static void answerUnreachable(SipServletRequest request, IllegalStateException notSent)
            throws IOException {
        Throwable cause = notSent.getCause();
        while (cause != null && !(cause instanceof IOException)) {
            cause = cause.getCause();
        }
        if (cause == null) {
            throw notSent;
        }
        String reason = cause instanceof SSLException
                ? "Service Unavailable (TLS: the next hop's certificate was not accepted)"
                : "Service Unavailable (the next hop cannot be reached)";
        log.warn("{} {} answered 503: {}", request.getMethod(), request.getRequestURI(), cause.getMessage());
        request.createResponse(503, reason).send();
    }
}
