package org.interchange.proxy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.inject.Produces;
import javax.enterprise.event.Observes;
import javax.inject.Inject;
import javax.inject.Singleton;

import org.interchange.auth.Authenticator;
import org.interchange.auth.Authenticator.Authenticated;
import org.interchange.auth.Authenticator.Challenged;
import org.interchange.auth.Subscribers;
import org.interchange.container.bridge.BridgeRouter;
import org.interchange.container.RouterPings;
import org.interchange.container.config.IpAddresses;
import org.interchange.container.config.RouterConfiguration;
import org.interchange.container.config.SipListener;
import org.interchange.container.dns.DnsFailure;
import org.interchange.container.dns.SipServerLocator;
import org.interchange.core.RouterStarting;
import org.interchange.core.sip.Aor;
import org.interchange.core.sip.Endpoint;
import org.interchange.core.sip.InboundRequest;
import org.interchange.core.sip.NameAddress;
import org.interchange.core.sip.Reply;
import org.interchange.core.sip.SipSyntaxException;
import org.interchange.core.sip.SipUri;
import org.interchange.domain.Domains;
import org.interchange.location.Binding;
import org.interchange.location.Location;
import org.interchange.listener.Crossing;
import org.interchange.listener.Listeners;
import org.interchange.listener.NextHop;
import org.interchange.listener.OutboundBranch;
import org.interchange.listener.SocketChoice;
import org.interchange.listener.SocketPolicy;
import org.interchange.listener.SocketRule;
import org.interchange.listener.SocketRules;
import org.interchange.proxy.Routing.Relay;
import org.interchange.proxy.Routing.Respond;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens to each initial request that is not a REGISTER for a served domain (RFC 3261 16.3 - 16.5):
 * the router's own answers, authentication of local users, and the targets to proxy to. Thread-safe.
 */
@ApplicationScoped
public class RequestRouter {

    private static final Logger log = LoggerFactory.getLogger(RequestRouter.class);

    /** Methods whose initial requests create dialogs, which the router record-routes. */
    static final Set<String> DIALOG_CREATING = Set.of("INVITE", "SUBSCRIBE", "REFER", "NOTIFY");
    /** The Record-Route URI parameter carrying the loop-detection hash. */
    public static final String LOOP_PARAM = "lh";

    private Domains domains;
    private Authenticator authenticator;
    private Subscribers subscribers;
    private Location location;
    private ProxySettings settings;
    private Listeners listeners;
    private SocketRules socketRules;
    private SocketPolicy socketPolicy;
    private SipServerLocator servers;

    protected RequestRouter() {
        // for CDI's proxy
    }

    @Inject
    public RequestRouter(Domains domains, Authenticator authenticator, Subscribers subscribers, Location location,
                         ProxySettings settings, Listeners listeners, SocketRules socketRules,
                         SocketPolicy socketPolicy, SipServerLocator servers) {
        this.domains = domains;
        this.authenticator = authenticator;
        this.subscribers = subscribers;
        this.location = location;
        this.settings = settings;
        this.listeners = listeners;
        this.socketRules = socketRules;
        this.socketPolicy = socketPolicy;
        this.servers = servers;
    }

    /**
     * Routes an initial request. A target whose host is a name is resolved first (RFC 3263, waiting at most
     * {@code dns.budget}); when no target resolves, the request gets 404 (no such domain) or 503 (DNS did not answer).
     *
     * @throws org.interchange.core.persistence.DatabaseUnavailableException when the database fails
     */
    public Routing route(InboundRequest request) {
        try {
            return decide(request);
        } catch (DnsFailure e) {
            log.debug("{} {}: {}", request.method(), request.requestUri(), e.getMessage());
            return new Respond(e.kind() == DnsFailure.Kind.NOT_FOUND
                    ? Reply.of(404, "Not Found (domain does not resolve)")
                    : Reply.of(503, "Service Unavailable (DNS did not answer)")
                            .with("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds()))));
        }
    }

    private Routing decide(InboundRequest request) {
        String method = request.method();
        if (!SipUri.hasSipScheme(request.requestUri())) {
            return respond(416, "Unsupported URI Scheme");
        }
        SipUri requestUri = SipUri.parse(request.requestUri());
        boolean local = domains.isLocal(requestUri.host());
        OptionalInt maxForwards = maxForwards(request);

        if (local && requestUri.user().isEmpty()) {
            return new Respond(addressedToRouter(method, maxForwards));
        }
        if (maxForwards.isPresent() && maxForwards.getAsInt() == 0) {
            return respond(483, "Too Many Hops");
        }
        List<String> unsupported = request.headers().all("Proxy-Require").stream().map(String::trim)
                .filter(tag -> !tag.isEmpty()).toList();
        if (!unsupported.isEmpty()) {
            return new Respond(Reply.of(420, "Bad Extension").with("Unsupported", String.join(", ", unsupported)));
        }
        String loopHash = loopHash(request);
        if (looped(request, loopHash)) {
            return respond(482, "Loop Detected");
        }

        Optional<String> fromDomain = fromDomain(request);
        boolean trusted = authenticator.settings().isTrusted(request.source().address());
        if (fromDomain.isPresent() && !trusted && authenticator.settings().methods().contains(method)) {
            Optional<Reply> refusal = authenticate(request, fromDomain.get());
            if (refusal.isPresent()) {
                return new Respond(refusal.get());
            }
        }
        Relaying relaying = new Relaying(request, DIALOG_CREATING.contains(method), loopHash,
                socketRules.match(request));
        Optional<SipUri> ruleDestination = relaying.rule().flatMap(SocketRule::destination);
        if (ruleDestination.isPresent()) {
            return relay(relaying, List.of(List.of(target(relaying, requestUri.toString(),
                    List.of(loose(ruleDestination.get())), Optional.empty()))));
        }
        if (local) {
            return toUser(new Aor(requestUri.user().get(), domains.servedDomain(requestUri.host()).orElseThrow()),
                    relaying);
        }
        if (fromDomain.isEmpty() && !trusted) {
            return respond(403, "Relaying Forbidden");
        }
        List<String> routes = settings.outboundProxy().map(proxy -> List.of(loose(proxy))).orElse(List.of());
        return relay(relaying, List.of(List.of(target(relaying, requestUri.toString(), routes, Optional.empty()))));
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

    /** What the branches of one initial request share: the request, its record-routing and its socket rule. */
    private record Relaying(InboundRequest request, boolean recordRoute, String loopHash, Optional<SocketRule> rule) {
    }

    private Relay relay(Relaying relaying, List<List<Target>> groups) {
        String ingress = listeners.at(relaying.request().arrival()).orElse(listeners.fallback()).name();
        return new Relay(groups, relaying.recordRoute(), relaying.loopHash(), ingress,
                showsOwnAddressTo(relaying.request().source()));
    }

    private boolean showsOwnAddressTo(Endpoint peer) {
        return listeners.showsOwnAddressTo(IpAddresses.parseLiteral(peer.address()));
    }

    /**
     * A target leaving through the listener the socket policy chooses for its next hop, the first server RFC 3263
     * finds for it.
     *
     * @throws DnsFailure when its host is a name that does not resolve
     */
    private Target target(Relaying relaying, String uri, List<String> routes, Optional<Endpoint> registeredSocket) {
        NextHop hop = resolved(NextHop.uriOf(uri, routes));
        SocketChoice choice = socketPolicy.choose(new OutboundBranch(relaying.request(), hop,
                relaying.rule().flatMap(SocketRule::socket), registeredSocket));
        boolean ownAddress = listeners.showsOwnAddressTo(hop);
        if (choice.listener().transport() == hop.transport()) {
            return new Target(uri, routes, choice.listener().name(), ownAddress);
        }
        // the listener decides the transport, as OpenSIPS's forced socket does: the next hop has to say so
        String transport = choice.listener().transport().token();
        if (routes.isEmpty()) {
            return new Target(SipUri.parse(uri).withParam("transport", transport).toString(), routes,
                    choice.listener().name(), ownAddress);
        }
        List<String> switched = new ArrayList<>(routes);
        switched.set(0, "<" + NameAddress.parse(routes.get(0)).sipUri().withParam("transport", transport) + ">");
        return new Target(uri, switched, choice.listener().name(), ownAddress);
    }

    private NextHop resolved(SipUri next) {
        NextHop named = NextHop.of(next);
        if (IpAddresses.parseLiteral(named.host()).isPresent()) {
            return named;
        }
        return NextHop.of(servers.await(NextHop.target(next)).get(0));
    }

    /** Whether a final response ends the search, or the next target group should be tried (RFC 3261 16.7). */
    public boolean searchIsOver(int bestStatus) {
        return bestStatus < 300 || bestStatus >= 600;
    }

    private static Reply addressedToRouter(String method, OptionalInt maxForwards) {
        if ("OPTIONS".equals(method)) {
            // RFC 3261 11, 16.3: the router is the target; Max-Forwards 0 is no obstacle. The same 200 as the SIP
            // stack gives the pings it answers for the router
            return Reply.of(200, "OK").with("Allow", RouterPings.ALLOW).with("Accept", RouterPings.ACCEPT)
                    .with("Supported", RouterPings.SUPPORTED);
        }
        return Reply.of(405, "Method Not Allowed").with("Allow", RouterPings.ALLOW);
    }

    private Optional<Reply> authenticate(InboundRequest request, String realm) {
        var outcome = authenticator.authenticate(request, realm, Authenticator.Kind.PROXY);
        if (outcome instanceof Challenged challenged) {
            return Optional.of(challenged.reply());
        }
        Authenticated user = (Authenticated) outcome;
        Optional<String> fromUser = request.from().sipUri().user();
        if (fromUser.isEmpty() || !new Aor(fromUser.get(), realm).equals(new Aor(user.username(), user.realm()))) {
            return Optional.of(Reply.of(403, "Forbidden (From is not the authenticated user)"));
        }
        return Optional.empty();
    }

    private Routing toUser(Aor aor, Relaying relaying) {
        List<Binding> bindings = location.lookup(aor);
        if (bindings.isEmpty()) {
            if (settings.defaultRoute().isPresent()) {
                return relay(relaying, List.of(List.of(target(relaying, settings.defaultRoute().get().toString(),
                        List.of(), Optional.empty()))));
            }
            if (subscribers.exists(aor)) {
                return respond(480, "Temporarily Unavailable");
            }
            // a monitoring ping (sipsak -s sip:ping@router, check_sip) names a user nobody is: the router answers
            return "OPTIONS".equals(relaying.request().method())
                    ? new Respond(addressedToRouter("OPTIONS", OptionalInt.empty())) : respond(404, "Not Found");
        }
        Map<Double, List<Target>> byQ = new LinkedHashMap<>(); // bindings come most preferred first
        DnsFailure unresolved = null;
        for (Binding binding : bindings) {
            try {
                Target target = target(relaying, binding.contact(), binding.path(), binding.socket());
                byQ.computeIfAbsent(binding.q(), q -> new ArrayList<>()).add(target);
            } catch (DnsFailure e) {
                unresolved = e; // the other contacts are tried
            }
        }
        if (byQ.isEmpty()) {
            throw unresolved;
        }
        return relay(relaying, new ArrayList<>(byQ.values()));
    }

    /** The served domain of the From URI, when the request claims to come from one of our users. */
    private Optional<String> fromDomain(InboundRequest request) {
        NameAddress from = request.from();
        if (!SipUri.hasSipScheme(from.uri())) {
            return Optional.empty();
        }
        SipUri uri = from.sipUri();
        return uri.user().isPresent() ? domains.servedDomain(uri.host()) : Optional.empty();
    }

    /** Whether the request already passed through here unchanged: our Record-Route carries its hash. */
    private boolean looped(InboundRequest request, String loopHash) {
        for (String recordRoute : request.headers().all("Record-Route")) {
            try {
                SipUri uri = NameAddress.parse(recordRoute).sipUri();
                if (domains.isAlias(uri.host()) && uri.param(LOOP_PARAM).filter(loopHash::equals).isPresent()) {
                    return true;
                }
            } catch (SipSyntaxException e) {
                // someone else's malformed Record-Route: not ours
            }
        }
        return false;
    }

    /**
     * RFC 3261 16.6 step 8, without the Via: what identifies the request (Request-URI, tags, Call-ID, CSeq number,
     * Proxy-Require, Proxy-Authorization). The same request coming back is a loop; one with a new Request-URI is a
     * spiral.
     */
    static String loopHash(InboundRequest request) {
        StringBuilder identity = new StringBuilder(request.requestUri()).append('\n')
                .append(request.from().tag().orElse("")).append('\n')
                .append(request.to().tag().orElse("")).append('\n')
                .append(request.callId()).append('\n')
                .append(request.cseq()).append('\n');
        request.headers().all("Proxy-Require").forEach(v -> identity.append(v).append('\n'));
        request.headers().all("Proxy-Authorization").forEach(v -> identity.append(v).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OptionalInt maxForwards(InboundRequest request) {
        Optional<String> value = request.headers().first("Max-Forwards").map(String::trim);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value.get()));
        } catch (NumberFormatException e) {
            throw new SipSyntaxException("bad Max-Forwards " + value.get());
        }
    }

    private static String loose(SipUri proxy) {
        String uri = proxy.toString();
        return "<" + (proxy.param("lr").isPresent() ? uri : uri + ";lr") + ">";
    }

    private static Respond respond(int status, String reason) {
        return new Respond(Reply.of(status, reason));
    }

    @Produces
    @Singleton
    static ProxySettings settings(RouterConfiguration config) {
        return ProxySettings.from(config);
    }

    /** Makes the bean ready (its {@code @PostConstruct} runs) before the router takes traffic. */
    void start(@Observes RouterStarting starting) {
        // nothing more: being called instantiates the bean
    }
}
