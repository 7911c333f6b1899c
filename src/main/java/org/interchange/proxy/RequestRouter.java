package org.interchange.proxy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.event.Observes;
import javax.enterprise.inject.Produces;
import javax.inject.Inject;
import javax.inject.Singleton;

import org.interchange.container.bridge.BridgeRouter;
import org.interchange.container.config.IpAddresses;
import org.interchange.container.config.RouterConfiguration;
import org.interchange.container.config.SipListener;
import org.interchange.container.dns.DnsFailure;
import org.interchange.container.dns.SipServerLocator;
import org.interchange.core.Reloading;
import org.interchange.core.RouterStarting;
import org.interchange.core.sip.Endpoint;
import org.interchange.core.sip.InboundRequest;
import org.interchange.core.sip.NameAddress;
import org.interchange.core.sip.Reply;
import org.interchange.core.sip.SipUri;
import org.interchange.listener.Crossing;
import org.interchange.listener.ForcedSocket;
import org.interchange.listener.Listeners;
import org.interchange.listener.NextHop;
import org.interchange.listener.OutboundBranch;
import org.interchange.listener.SocketChoice;
import org.interchange.listener.SocketPolicy;
import org.interchange.listener.SocketRule;
import org.interchange.routing.Attribute;
import org.interchange.routing.Branch;
import org.interchange.routing.BranchContext;
import org.interchange.routing.Decision;
import org.interchange.routing.RequestContext;
import org.interchange.routing.RequestView;
import org.interchange.routing.RouteChain;
import org.interchange.routing.Transaction;
import org.interchange.proxy.Routing.Relay;
import org.interchange.proxy.Routing.Respond;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the request route ({@link RouteChain}) for each initial request and turns its decision into what the
 * servlet does (RFC 3261 16.3 - 16.6): a reply, a redirect, nothing, the registrar, or a relay whose branches are
 * resolved (RFC 3263), given their listener by the socket policy and passed through the branch hooks. Thread-safe.
 */
@ApplicationScoped
public class RequestRouter {

    private static final Logger log = LoggerFactory.getLogger(RequestRouter.class);

    /** Branches of lower q-values waiting until those of higher q-values fail. */
    public static final Attribute<Branch> PENDING = Attribute.of("pending-branch", Branch.class);

    /** Methods whose initial requests create dialogs, which the router record-routes. */
    static final Set<String> DIALOG_CREATING = Set.of("INVITE", "SUBSCRIBE", "REFER", "NOTIFY");

    private RouteChain chain;
    private Listeners listeners;
    private SocketPolicy socketPolicy;
    private SipServerLocator servers;

    protected RequestRouter() {
        // for CDI's proxy
    }

    @Inject
    public RequestRouter(RouteChain chain, Listeners listeners, SocketPolicy socketPolicy, SipServerLocator servers) {
        this.chain = chain;
        this.listeners = listeners;
        this.socketPolicy = socketPolicy;
        this.servers = servers;
    }

    /** The context the route of a request starts with; {@code body} reads the request's body. */
    public RequestContext context(InboundRequest request, Supplier<byte[]> body) {
        String listener = listeners.at(request.arrival()).orElse(listeners.fallback()).name();
        return new RequestContext(new RequestView(request, listener, body), DIALOG_CREATING.contains(request.method()));
    }

    /** Routes an initial request without a body. */
    public Routing route(InboundRequest request) {
        return route(context(request, () -> new byte[0]));
    }

    /**
     * Runs the request route and makes its decision ready to carry out. A branch whose host is a name is resolved
     * first (RFC 3263, waiting at most {@code dns.budget}); when none resolves, the request gets 404 (no such
     * domain) or 503 (DNS did not answer).
     *
     * @throws org.interchange.core.persistence.DatabaseUnavailableException when the database fails
     */
    public Routing route(RequestContext context) {
        try {
            Decision decision = chain.route(context);
            if (decision instanceof Decision.Respond respond) {
                return new Respond(respond.reply());
            } else if (decision instanceof Decision.Redirect redirect) {
                Reply reply = Reply.of(redirect.status(), redirect.status() == 302 ? "Moved Temporarily" : "");
                for (Decision.Contact contact : redirect.contacts()) {
                    reply = reply.with("Contact", contact.headerValue());
                }
                return new Respond(reply);
            } else if (decision == Decision.drop()) {
                return Routing.Drop.INSTANCE;
            } else if (decision == Decision.register()) {
                return Routing.Register.INSTANCE;
            }
            return relay(context.transaction(), context.branchesToRelay(), context);
        } catch (DnsFailure e) {
            log.debug("{}: {}", context.request(), e.getMessage());
            return new Respond(dnsFailure(e));
        }
    }

    /**
     * New branches a failure hook started, relayed in the same proxy.
     *
     * @throws DnsFailure when none of them resolves
     */
    public Routing relay(Transaction transaction, List<Branch> branches) {
        return relay(transaction, branches, null);
    }

    /** The reply to a request whose branches could not be resolved. */
    public static Reply dnsFailure(DnsFailure e) {
        return e.kind() == DnsFailure.Kind.NOT_FOUND
                ? Reply.of(404, "Not Found (domain does not resolve)")
                : Reply.of(503, "Service Unavailable (DNS did not answer)")
                        .with("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
    }

    /**
     * Relays to the branches of the highest q in parallel, each through the branch hooks; branches of lower q-values
     * wait in the transaction attribute {@link #PENDING} for the serial-forking failure hook (RFC 3261 16.6). A
     * group whose branches were all dropped or did not resolve is passed over. {@code route} is the request
     * route's context, null for the branches of a failure hook.
     *
     * @throws DnsFailure when no branch resolves
     */
    private Routing relay(Transaction transaction, List<Branch> branches, RequestContext route) {
        RequestView request = transaction.request();
        Optional<ForcedSocket> ruleSocket = transaction.attributes().get(SocketRuleStep.RULE)
                .flatMap(SocketRule::socket);
        List<List<Branch>> groups = byQ(branches);
        DnsFailure unresolved = null;
        for (int group = 0; group < groups.size(); group++) {
            List<Target> targets = new ArrayList<>();
            for (Branch branch : groups.get(group)) {
                if (chain.hasBranchHooks() && !chain.branch(new BranchContext(transaction, branch))) {
                    continue;
                }
                try {
                    targets.add(target(request, branch, ruleSocket, route));
                } catch (DnsFailure e) {
                    unresolved = e; // the other branches are tried
                }
            }
            if (!targets.isEmpty()) {
                transaction.attributes().remove(PENDING);
                for (List<Branch> later : groups.subList(group + 1, groups.size())) {
                    later.forEach(branch -> transaction.attributes().add(PENDING, branch));
                }
                return new Relay(targets, route != null && route.recordRoute(),
                        route == null ? Map.of() : route.recordRouteParams(), request.listener(),
                        showsOwnAddressTo(request.source()));
            }
        }
        if (unresolved != null) {
            throw unresolved;
        }
        return new Respond(Reply.of(500, "Server Internal Error (every branch was dropped)"));
    }

    /** The branches grouped by q-value, highest first, in their order within a group. */
    private static List<List<Branch>> byQ(List<Branch> branches) {
        if (branches.size() == 1) {
            return List.of(branches);
        }
        Map<Double, List<Branch>> byQ = new TreeMap<>(Comparator.reverseOrder());
        branches.forEach(branch -> byQ.computeIfAbsent(branch.q(), q -> new ArrayList<>()).add(branch));
        return new ArrayList<>(byQ.values());
    }

    /**
     * A branch as a target: its routes (destination, then Path), leaving through the listener a step named or else
     * the one the socket policy chooses for its next hop, the first server RFC 3263 finds for it.
     *
     * @throws DnsFailure when its next hop is a name that does not resolve
     */
    private Target target(RequestView request, Branch branch, Optional<ForcedSocket> ruleSocket,
                          RequestContext route) {
        List<String> routes = new ArrayList<>(branch.path().size() + 1);
        branch.destination().ifPresent(destination -> routes.add(loose(destination)));
        routes.addAll(branch.path());
        String uri = branch.uri().toString();
        NextHop hop = resolved(NextHop.uriOf(uri, routes));
        Optional<ForcedSocket> forced = branch.listener().map(name -> ForcedSocket.parse(name, listeners))
                .or(() -> ruleSocket);
        SocketChoice choice = socketPolicy.choose(new OutboundBranch(request.inbound(), hop, forced,
                branch.registeredSocket()));
        boolean ownAddress = listeners.showsOwnAddressTo(hop);
        List<Reply.SipHeader> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        if (route != null) {
            added.addAll(route.addedHeaders());
            removed.addAll(route.removedHeaders());
        }
        added.addAll(branch.addedHeaders());
        removed.addAll(branch.removedHeaders());
        if (choice.listener().transport() != hop.transport()) {
            // the listener decides the transport, as OpenSIPS's forced socket does: the next hop has to say so
            String transport = choice.listener().transport().token();
            if (routes.isEmpty()) {
                uri = SipUri.parse(uri).withParam("transport", transport).toString();
            } else {
                routes.set(0, "<" + NameAddress.parse(routes.get(0)).sipUri().withParam("transport", transport)
                        + ">");
            }
        }
        return new Target(uri, routes, choice.listener().name(), ownAddress, added, removed);
    }

    private NextHop resolved(SipUri next) {
        NextHop named = NextHop.of(next);
        if (IpAddresses.parseLiteral(named.host()).isPresent()) {
            return named;
        }
        return NextHop.of(servers.await(NextHop.target(next)).get(0));
    }

    /**
     * The listeners an in-dialog request crosses, from the Route entry the container popped on arrival and the Route
     * header fields left: two entries of ours (RFC 5658) name the arrival listener and the one to leave through; one
     * names a listener the request arrives on and leaves through. Empty when the popped entry is not one of our
     * listeners.
     */
    public Optional<Crossing> inDialog(InboundRequest request, String poppedRoute) {
        Optional<SipListener> ingress = listeners.recordRoutedAs(NameAddress.parse(poppedRoute).sipUri());
        if (ingress.isEmpty()) {
            return Optional.empty();
        }
        List<String> routes = request.headers().all("Route");
        Optional<SipListener> egress = routes.stream().findFirst().map(route -> NameAddress.parse(route).sipUri())
                .filter(uri -> uri.param(BridgeRouter.ROUTER_ENTRY_PARAM).isPresent())
                .flatMap(listeners::recordRoutedAs);
        List<String> beyond = egress.isPresent() ? routes.subList(1, routes.size()) : routes;
        return Optional.of(new Crossing(ingress.get().name(), egress.orElse(ingress.get()).name(),
                showsOwnAddressTo(request.source()),
                listeners.showsOwnAddressTo(NextHop.of(request.requestUri(), beyond))));
    }

    private boolean showsOwnAddressTo(Endpoint peer) {
        return listeners.showsOwnAddressTo(IpAddresses.parseLiteral(peer.address()));
    }

    /** Whether a final response ends the search, or the next target group should be tried (RFC 3261 16.7). */
    public static boolean searchIsOver(int bestStatus) {
        return bestStatus < 300 || bestStatus >= 600;
    }

    private static String loose(SipUri proxy) {
        String uri = proxy.toString();
        return "<" + (proxy.param("lr").isPresent() ? uri : uri + ";lr") + ">";
    }

    @Produces
    @Singleton
    static ProxySettings settings(RouterConfiguration config) {
        return ProxySettings.from(config);
    }

    /** {@code reload}: these settings need a restart, but a bad value refuses the reload as it would the start. */
    static void checkReload(@Observes Reloading reloading) {
        ProxySettings.from(reloading.configuration());
    }

    /** Makes the bean ready (its {@code @PostConstruct} runs) before the router takes traffic. */
    void start(@Observes RouterStarting starting) {
        // nothing more: being called instantiates the bean
    }
}
