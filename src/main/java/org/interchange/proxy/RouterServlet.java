package org.interchange.proxy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLException;
import javax.servlet.ServletException;
import javax.servlet.sip.Address;
import javax.servlet.sip.Proxy;
import javax.servlet.sip.ProxyBranch;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServlet;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.ServletTimer;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.TimerListener;
import javax.servlet.sip.TimerService;
import javax.servlet.sip.URI;

import org.interchange.container.ProvisionalDrop;
import org.interchange.container.SipHeaderFields;
import org.interchange.container.bridge.BridgeMarker;
import org.interchange.container.bridge.BridgeMarker.Bridge;
import org.interchange.container.dns.DnsFailure;
import org.interchange.core.BeanLookup;
import org.interchange.core.SipEdge;
import org.interchange.core.sip.Endpoint;
import org.interchange.core.sip.InboundRequest;
import org.interchange.core.sip.Reply;
import org.interchange.core.sip.Reply.SipHeader;
import org.interchange.proxy.BestResponse.BranchResponse;
import org.interchange.proxy.BestResponse.Forwarded;
import org.interchange.proxy.Routing.Relay;
import org.interchange.proxy.Routing.Respond;
import org.interchange.registrar.Registrar;
import org.interchange.registrar.RegistrarQueue;
import org.interchange.routing.Decision;
import org.interchange.routing.ErrorContext;
import org.interchange.routing.FailureContext;
import org.interchange.routing.LocalRequestContext;
import org.interchange.routing.ReplyContext;
import org.interchange.routing.RequestContext;
import org.interchange.routing.ResponseView;
import org.interchange.routing.RouteChain;
import org.interchange.routing.Transaction;
import org.mobicents.javax.servlet.sip.SipFactoryExt;
import org.mobicents.javax.servlet.sip.SipServletResponseExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP entry point for every request ({@code sip.xml} maps them all here): runs the request route through the
 * {@link RequestRouter} and carries out its decision (answer, redirect, drop, registrar, relay), and runs the
 * branch, reply, failure and local hooks of relayed requests. In-dialog requests are left to the container, which
 * relays them along their Route headers, statefully while it knows their dialog, statelessly for a dialog set up
 * before the router restarted.
 */
public class RouterServlet extends SipServlet implements TimerListener {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(RouterServlet.class);
    /** The application-session attribute holding a relayed request's transaction (attributes, message flags). */
    private static final String TRANSACTION = Transaction.class.getName();
    /** The application-session attribute set once a 2xx to the proxied INVITE went upstream. */
    private static final String ANSWERED = RouterServlet.class.getName() + ".answered";
    /** The application-session attribute prefix under which the branches of a branch timer wait for it. */
    private static final String TIMED_BRANCHES = RouterServlet.class.getName() + ".branches.";
    /** Tells a session's branch timers apart (a counter: a random UUID would cost a SecureRandom draw per call). */
    private static final AtomicLong BRANCH_TIMER_IDS = new AtomicLong();
    /** The application-session attribute set when a call's INVITE branches are timed by the router's branch timer. */
    private static final String TIMED = RouterServlet.class.getName() + ".timed";
    /** The application-session attribute holding the ids of a call's branch timers. */
    private static final String BRANCH_TIMERS = RouterServlet.class.getName() + ".branch-timers";
    /** The application-session attribute listing the branches the branch timer cancelled. */
    private static final String TIMED_OUT = RouterServlet.class.getName() + ".timed-out";
    /** How much longer MSS's proxy timeout waits for a cancelled branch's final response: Timer B's 64*T1. */
    static final int CANCEL_GRACE_SECONDS = 32;

    private transient RequestRouter router;
    private transient RouteChain chain;
    private transient Registrar registrar;
    private transient RegistrarQueue registrarQueue;
    private transient ProxySettings settings;
    private transient SipFactory sipFactory;
    private transient TimerService timers;
    private transient TrafficStats stats;

    /** A routed request: its route's context and what the route decided (for a REGISTER, the registrar too). */
    private record Routed(RequestContext context, Routing routing, Optional<Registrar.Admission> admission) {
    }

    @Override
    public void init() throws ServletException {
        super.init();
        router = BeanLookup.bean(RequestRouter.class);
        chain = BeanLookup.bean(RouteChain.class);
        registrar = BeanLookup.bean(Registrar.class);
        registrarQueue = BeanLookup.bean(RegistrarQueue.class);
        settings = BeanLookup.bean(ProxySettings.class);
        stats = BeanLookup.bean(TrafficStats.class);
        sipFactory = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
        timers = (TimerService) getServletContext().getAttribute(TIMER_SERVICE);
        // in-dialog requests of dialogs MSS no longer knows (set up before a restart) are relayed along their Route
        // set, through doRequest, as Kamailio's loose_route would; without this MSS answers them 481
        ((SipFactoryExt) sipFactory).setRouteOrphanRequests(true);
    }

    @Override
    protected void doRequest(SipServletRequest request) throws ServletException, IOException {
        stats.requestReceived(request.getMethod());
        if (!request.isInitial()) {
            bridgeInDialog(request); // then the container relays it along its Route headers
            stats.requestForwarded(request.getMethod());
            if (!"ACK".equals(request.getMethod())) {
                stats.serverTransaction();
                stats.clientTransactions(1);
            }
            return;
        }
        if ("ACK".equals(request.getMethod()) || "CANCEL".equals(request.getMethod())) {
            return; // a stray ACK or CANCEL takes no answer from us
        }
        stats.serverTransaction();
        SipEdge.handle(request, inbound -> route(request, inbound), routed -> {
            Routing routing = routed.routing();
            if (routing instanceof Respond respond) {
                reply(request, respond.reply());
            } else if (routing instanceof Relay relay) {
                relay(request, routed.context(), relay);
            } else if (routed.admission().isPresent()) {
                register(request, routed.admission().get());
            } else {
                stats.requestDropped();
            }
        }, this::errorRoute);
    }

    /** Sends a reply of the router's own, counted. */
    private void reply(SipServletRequest request, Reply reply) throws IOException {
        stats.replied(reply.status(), true);
        SipEdge.send(request, reply);
    }

    private Routed route(SipServletRequest request, InboundRequest inbound) {
        RequestContext context = router.context(inbound, () -> body(request));
        Routing routing = router.route(context);
        return new Routed(context, routing, routing == Routing.Register.INSTANCE
                ? Optional.of(registrar.admit(inbound)) : Optional.empty());
    }

    /**
     * The registrar's answer: at once when it needs no database (or location writes behind), else from the
     * registrar's queue, so that a slow database never holds the threads every message shares.
     */
    private void register(SipServletRequest request, Registrar.Admission admission) throws IOException {
        if (admission instanceof Registrar.Answer answer) {
            reply(request, answer.reply());
        } else if (admission instanceof Registrar.Accepted accepted) {
            SipEdge.answerLater(request, registrarQueue, () -> {
                Reply reply = registrar.store(accepted);
                stats.replied(reply.status(), true);
                return reply;
            });
        } else {
            reply(request, Reply.of(404, "Not Found (the domain is not served here)"));
        }
    }

    private Optional<Reply> errorRoute(String problem, Endpoint source, Optional<String> method, Reply answer) {
        stats.requestFailed();
        Decision decision = chain.error(new ErrorContext(problem, source, method, answer));
        if (decision == Decision.drop()) {
            stats.requestDropped();
            return Optional.empty();
        }
        Reply reply = decision instanceof Decision.Respond respond ? respond.reply() : answer;
        stats.replied(reply.status(), true);
        return Optional.of(reply);
    }

    private void relay(SipServletRequest request, RequestContext context, Relay relay)
            throws ServletException, IOException {
        if ("INVITE".equals(request.getMethod())) {
            request.createResponse(100).send(); // RFC 3261 16.2; MSS does not send it for a proxied INVITE
            stats.replied(100, true);
        }
        Proxy proxy = request.getProxy();
        proxy.setRecordRoute(relay.recordRoute());
        if (relay.recordRoute()) {
            for (Map.Entry<String, String> param : relay.recordRouteParams().entrySet()) {
                proxy.getRecordRouteURI().setParameter(param.getKey(), param.getValue());
            }
        }
        proxy.setParallel(true);
        proxy.setSupervised(true);
        SipApplicationSession session = request.getApplicationSession();
        session.setAttribute(TRANSACTION, context.transaction());
        boolean timed = "INVITE".equals(request.getMethod()) && failureHooksWait(context.transaction());
        if (timed) {
            session.setAttribute(TIMED, Boolean.TRUE);
        }
        // a timed INVITE's ringing branches are cancelled by the branch timer (timeout below), whose 487 reaches the
        // failure hooks; MSS's own timeout (a 408 sent upstream past them) then only ends a branch that does not
        // answer the CANCEL. Otherwise MSS's timeout is the branch timeout, as it always was.
        proxy.setProxyTimeout(timed ? settings.branchTimeout() + CANCEL_GRACE_SECONDS : settings.branchTimeout());
        start(proxy, relay);
    }

    /**
     * Responses to relayed requests of dialogs MSS no longer knows go on upstream without the proxy's handling;
     * others pass the reply hooks first.
     */
    @Override
    protected void doResponse(SipServletResponse response) throws ServletException, IOException {
        stats.replyReceived(response.getStatus());
        if (((SipServletResponseExt) response).isOrphan()) {
            stats.replied(response.getStatus(), false); // relayed statelessly, upstream along its Vias
            return;
        }
        if (chain.hasReplyHooks() && response.getProxy() != null) {
            Transaction transaction = transaction(response);
            if (transaction != null) {
                ReplyContext context = new ReplyContext(transaction, view(response));
                chain.reply(context);
                context.removedHeaders().forEach(response::removeHeader);
                context.addedHeaders().forEach(h -> SipHeaderFields.append(response, h.name(), h.value()));
                if (context.dropped()) {
                    stats.replyDropped();
                    ProvisionalDrop.drop(response);
                    doProvisionalResponse(response); // not passed on, but a late ringer is cancelled all the same
                    return;
                }
            }
        }
        if (response.getProxy() != null && !response.isBranchResponse() && response.getStatus() < 300) {
            stats.replied(response.getStatus(), false); // a final error is counted once the best one is chosen
        }
        super.doResponse(response);
    }

    /**
     * The best final response of the branches tried (RFC 3261 16.7), all negative: the failure hooks may start new
     * branches (the serial-forking hook tries the next q-value) or answer otherwise; else the response is adjusted
     * as step 6 and 7 ask and goes upstream.
     */
    @Override
    protected void doErrorResponse(SipServletResponse response) throws ServletException, IOException {
        Proxy proxy = response.getProxy();
        if (proxy == null || response.isBranchResponse()) {
            return;
        }
        if (endedByTimeout(response)) {
            response.setStatus(408, "Request Timeout");
        }
        Transaction transaction = transaction(response);
        if (transaction != null) {
            FailureContext context = new FailureContext(transaction, view(response));
            Decision decision = chain.failure(context);
            if (decision == Decision.relay() && !context.branches().isEmpty()) {
                Routing routing;
                try {
                    routing = router.relay(transaction, context.branches());
                } catch (DnsFailure e) {
                    routing = new Respond(RequestRouter.dnsFailure(e));
                }
                if (routing instanceof Relay relay) {
                    start(proxy, relay);
                    return;
                }
                decision = Decision.reply(((Respond) routing).reply());
            }
            if (decision instanceof Decision.Respond respond) {
                answerInstead(response, respond.reply());
                stats.replied(response.getStatus(), false);
                return;
            }
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
        stats.replied(response.getStatus(), false);
    }

    /** A failure hook's answer, sent upstream in place of the best response. */
    private static void answerInstead(SipServletResponse response, Reply reply) {
        if (reply.reason().isEmpty()) {
            response.setStatus(reply.status());
        } else {
            response.setStatus(reply.status(), reply.reason());
        }
        reply.headers().forEach(h -> SipHeaderFields.append(response, h.name(), h.value()));
    }

    /** Remembers that the call was answered: branches that ring later are cancelled (see below). */
    @Override
    protected void doSuccessResponse(SipServletResponse response) {
        if (response.getProxy() != null && !response.isBranchResponse() && "INVITE".equals(response.getMethod())) {
            SipApplicationSession session = response.getApplicationSession();
            session.setAttribute(ANSWERED, Boolean.TRUE);
            cancelBranchTimers(session);
        }
    }

    /**
     * A branch that rings after another answered is cancelled now (RFC 3261 9.1 forbids a CANCEL before the first
     * provisional response, 16.7 step 10 asks for it after). MSS only stops such a branch's retransmissions when
     * the call is answered, and never cancels it, so it would ring on. The CANCEL passes the local hooks.
     */
    @Override
    protected void doProvisionalResponse(SipServletResponse response) throws IOException {
        if (response.getProxy() != null && response.getStatus() > 100 && "INVITE".equals(response.getMethod())
                && response.getApplicationSession().getAttribute(ANSWERED) != null) {
            cancel(response);
        }
    }

    /** Cancels the branch that sent a provisional response; the CANCEL passes the local hooks. */
    private void cancel(SipServletResponse provisional) throws IOException {
        SipServletRequest cancel = provisional.getRequest().createCancel();
        Transaction transaction = transaction(provisional);
        if (transaction != null) {
            LocalRequestContext context = new LocalRequestContext("CANCEL", cancel.getRequestURI().toString(),
                    transaction);
            chain.local(context);
            context.addedHeaders().forEach(h -> SipHeaderFields.append(cancel, h.name(), h.value()));
        }
        cancel.send();
        stats.clientTransactions(1);
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

    private static Transaction transaction(SipServletResponse response) {
        return (Transaction) response.getApplicationSession().getAttribute(TRANSACTION);
    }

    private static ResponseView view(SipServletResponse response) {
        return new ResponseView(response.getStatus(), response.getReasonPhrase(), name -> {
            List<String> values = new ArrayList<>(1);
            response.getHeaders(name).forEachRemaining(values::add);
            return values;
        });
    }

    private static byte[] body(SipServletRequest request) {
        try {
            byte[] content = request.getRawContent();
            return content == null ? new byte[0] : content;
        } catch (IOException e) {
            throw new IllegalStateException("the body of " + request.getMethod() + " cannot be read", e);
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
        List<Target> targets = relay.targets();
        List<URI> uris = new ArrayList<>(targets.size());
        for (Target target : targets) {
            uris.add(sipFactory.createURI(target.uri()));
        }
        List<ProxyBranch> branches = proxy.createProxyBranches(uris);
        for (int i = 0; i < branches.size(); i++) {
            Target target = targets.get(i);
            List<String> routes = target.routes();
            SipServletRequest branchRequest = branches.get(i).getRequest();
            BridgeMarker.mark(branchRequest, new Bridge(target.listener(), relay.ingress(), target.ownAddress(),
                    relay.ingressOwnAddress()));
            for (ListIterator<String> route = routes.listIterator(routes.size()); route.hasPrevious(); ) {
                branchRequest.pushRoute(sipFactory.createAddress(route.previous()));
            }
            target.removedHeaders().forEach(branchRequest::removeHeader);
            target.addedHeaders().forEach(h -> SipHeaderFields.append(branchRequest, h.name(), h.value()));
        }
        try {
            proxy.startProxy();
        } catch (IllegalStateException notSent) {
            answerUnreachable(proxy.getOriginalRequest(), notSent);
            stats.replied(503, true);
            return;
        }
        stats.requestForwarded(proxy.getOriginalRequest().getMethod());
        stats.clientTransactions(branches.size());
        SipApplicationSession session = proxy.getOriginalRequest().getApplicationSession();
        if (session.getAttribute(TIMED) != null) {
            startBranchTimer(session, branches);
        }
    }

    /**
     * Whether a failure hook may act on an unanswered INVITE: an integrator's failure hook is deployed, or contacts
     * of a lower q-value wait for the serial-forking hook; decided once per call, when it is first relayed. Only then
     * does the call need the branch timer (its branches, and those failure hooks start later, are timed), which costs
     * about a quarter of a millisecond of CPU per call (MSS's servlet timers; see it-tests/bench/README.md); without
     * it an unanswered call ends with MSS's own 408 at {@code proxy.branch-timeout}, as it always did.
     */
    private boolean failureHooksWait(Transaction transaction) {
        return chain.hasFailureHooksBesides(SerialForkingHook.class)
                || transaction.attributes().has(RequestRouter.PENDING);
    }

    /**
     * The branch timer of relayed INVITEs ({@code proxy.branch-timeout}, OpenSIPS's {@code fr_inv_timer}): those of
     * {@code branches} still ringing when it expires are cancelled ({@link #timeout}; the CANCEL passes the local
     * hooks, as a late ringer's), so that their 487 takes the path of every final response and the failure hooks see
     * it, as the 408 Request Timeout RFC 3261 16.8 makes of it ({@link #endedByTimeout}): an unanswered call can go
     * to voicemail.
     *
     * <p>MSS's own proxy timeout cannot be that timer: when it expires, MSS 3.2.0-37 makes a 408 itself, hands it to
     * the servlet as a branch response ({@code doBranchResponse}, never {@code doErrorResponse}) and sends it
     * upstream whatever the servlet did ({@code ProxyImpl.sendFinalResponse}). It stays as a backstop,
     * {@link #CANCEL_GRACE_SECONDS} later, for a branch that does not answer the CANCEL; a branch that sent nothing at
     * all is left to it and to its transaction's timeout (RFC 3261 9.1: no CANCEL before a provisional response).
     * A JSR 289 timer on the call's application session, so that it runs under the call's concurrency control;
     * this servlet is its listener in {@code sip.xml} (MSS hands a listener that is a servlet the servlet's own
     * instance).
     */
    private void startBranchTimer(SipApplicationSession session, List<ProxyBranch> branches) {
        String id = Long.toString(BRANCH_TIMER_IDS.incrementAndGet());
        session.setAttribute(TIMED_BRANCHES + id, List.copyOf(branches));
        ServletTimer timer = timers.createTimer(session, settings.branchTimeout() * 1000L, false, id);
        branchTimers(session).add(timer.getId());
    }

    /** An answered call's branch timers have nothing left to do: they go at once rather than expire idle. */
    private static void cancelBranchTimers(SipApplicationSession session) {
        for (String id : branchTimers(session)) {
            ServletTimer timer = session.getTimer(id);
            if (timer != null) {
                timer.cancel();
            }
        }
        session.removeAttribute(BRANCH_TIMERS);
    }

    private static Set<String> branchTimers(SipApplicationSession session) {
        return sessionSet(session, BRANCH_TIMERS);
    }

    /** A branch timer expired: its branches still ringing are cancelled. */
    @Override
    public void timeout(ServletTimer timer) {
        SipApplicationSession session = timer.getApplicationSession();
        List<?> branches;
        try {
            if (!(timer.getInfo() instanceof String id) || session == null || !session.isValid()
                    || !(session.getAttribute(TIMED_BRANCHES + id) instanceof List<?> waiting)) {
                return;
            }
            session.removeAttribute(TIMED_BRANCHES + id);
            branches = waiting;
        } catch (IllegalStateException ended) {
            return; // the call's session ended meanwhile
        }
        for (Object each : branches) {
            ProxyBranch branch = (ProxyBranch) each;
            try {
                SipServletResponse last = branch.getResponse();
                if (last != null && last.getStatus() < 200) {
                    timedOut(session).add(branch);
                    cancel(last);
                }
            } catch (IllegalStateException over) {
                // answered, cancelled or ended meanwhile
            } catch (IOException e) {
                log.warn("A branch that rang until proxy.branch-timeout could not be cancelled: {}", e.toString());
            }
        }
    }

    /** Whether a final response is the 487 of a branch the branch timer cancelled. */
    private static boolean endedByTimeout(SipServletResponse response) {
        return response.getStatus() == 487 && response.getProxyBranch() != null
                && response.getApplicationSession().getAttribute(TIMED_OUT) instanceof Set<?> branches
                && branches.contains(response.getProxyBranch());
    }

    private static Set<ProxyBranch> timedOut(SipApplicationSession session) {
        return sessionSet(session, TIMED_OUT);
    }

    /** A set kept in an application-session attribute, made when first asked for. */
    @SuppressWarnings("unchecked")
    private static <T> Set<T> sessionSet(SipApplicationSession session, String name) {
        Object set = session.getAttribute(name);
        if (set == null) {
            set = new HashSet<T>();
            session.setAttribute(name, set);
        }
        return (Set<T>) set;
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
