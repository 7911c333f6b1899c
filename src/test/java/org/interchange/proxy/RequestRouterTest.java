package org.interchange.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.interchange.RouterBeans;
import org.interchange.container.config.IpAddresses;
import org.interchange.container.config.SipListener;
import org.interchange.container.dns.DnsFailure;
import org.interchange.container.dns.SipHop;
import org.interchange.container.dns.SipServerLocator;
import org.interchange.listener.Crossing;
import org.interchange.listener.ForcedSocket;
import org.interchange.listener.Listeners;
import org.interchange.listener.SocketChoice;
import org.interchange.listener.SocketChoice.Reason;
import org.interchange.listener.SocketRule;
import org.interchange.listener.SocketRules;
import java.util.regex.Pattern;
import org.interchange.auth.DigestClient;
import org.interchange.core.IpNetwork;
import org.interchange.core.TestClock;
import org.interchange.core.persistence.TestDatabase;
import org.interchange.core.sip.Aor;
import org.interchange.core.sip.Endpoint;
import org.interchange.core.sip.InboundRequest;
import org.interchange.core.sip.Reply;
import org.interchange.core.sip.SipRequests;
import org.interchange.core.sip.SipSyntaxException;
import org.interchange.core.sip.SipUri;
import org.interchange.location.Binding;
import org.interchange.auth.AuthenticationStep;
import org.interchange.proxy.Routing.Relay;
import org.interchange.permissions.AddressRule;
import org.interchange.permissions.SourceGroupStep;
import org.interchange.routing.Flags;
import org.interchange.registrar.RegistrarStep;
import org.interchange.routing.RequestContext;
import org.interchange.routing.RouteChain;
import org.interchange.proxy.Routing.Respond;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routing of initial requests (RFC 3261 16.3 - 16.5) over real domains, subscribers, location and authentication
 * in H2. The router serves example.com; alice and bob are its subscribers; 203.0.113.0/24 is a trusted gateway
 * network.
 */
class RequestRouterTest {

    private static final Aor ALICE = Aor.parse("alice@example.com");
    private static final Aor BOB = Aor.parse("bob@example.com");
    static final Endpoint GATEWAY = Endpoint.parse("udp:203.0.113.9:5060");
    private static final SipListener UDP = SipListener.parse("udp", "udp:127.0.0.1:5060");
    private static final Listeners LISTENERS = new Listeners(List.of(UDP,
            SipListener.parse("tcp", "tcp:127.0.0.1:5060"),
            SipListener.parse("private", "udp:10.0.0.4:5060 advertise 203.0.113.4")), UDP);
    private static final ProxySettings DIRECT = new ProxySettings(Optional.empty(), Optional.empty(), 30);
    /** DNS where every name is 192.0.2.53, on the URI's transport and port or the defaults. */
    private static final SipServerLocator SERVERS = target -> CompletableFuture.completedFuture(List.of(new SipHop(
            target.defaultTransport(), IpAddresses.parseLiteral("192.0.2.53").orElseThrow(),
            target.defaultPort(target.defaultTransport()))));

    @TempDir
    Path directory;

    private final TestClock clock = TestClock.at("2026-11-22T10:00:00Z");

    @Test
    void optionsToTheRouterIsAnsweredWithWhatItAllows() {
        Routing routing = router().route(request("OPTIONS sip:example.com SIP/2.0"));

        assertThat(routing).isEqualTo(new Respond(Reply.of(200, "OK").with("Allow", "OPTIONS, REGISTER")
                .with("Accept", "application/sdp").with("Supported", "path")));
    }

    @Test
    void optionsToTheRouterIsAnsweredEvenWithoutForwardsLeft() {
        Routing routing = router().route(request("OPTIONS sip:127.0.0.1:5060 SIP/2.0", "Max-Forwards: 0"));

        assertThat(reply(routing).status()).isEqualTo(200);
    }

    @Test
    void optionsToAUserNobodyIsIsAPingTheRouterAnswers() {
        Routing routing = router().route(request("OPTIONS sip:ping@example.com SIP/2.0"));

        assertThat(reply(routing).status()).isEqualTo(200);
        assertThat(reply(routing).headers()).contains(new Reply.SipHeader("Allow", "OPTIONS, REGISTER"));
    }

    @Test
    void otherMethodsToTheRouterAre405WithAllow() {
        Routing routing = router().route(request("INVITE sip:sip.example.com SIP/2.0"));

        assertThat(routing).isEqualTo(new Respond(Reply.of(405, "Method Not Allowed").with("Allow", "OPTIONS, REGISTER")));
    }

    @Test
    void requestWithoutForwardsLeftIs483() {
        Routing routing = router().route(request("MESSAGE sip:bob@example.com SIP/2.0", "Max-Forwards: 0"));

        assertThat(reply(routing)).isEqualTo(Reply.of(483, "Too Many Hops"));
    }

    @Test
    void malformedMaxForwardsIsASyntaxError() {
        InboundRequest request = request("MESSAGE sip:bob@example.com SIP/2.0", "Max-Forwards: many");

        assertThatThrownBy(() -> router().route(request)).isInstanceOf(SipSyntaxException.class);
    }

    @Test
    void proxyRequireOfAnyExtensionIs420() {
        Routing routing = router().route(request("MESSAGE sip:bob@example.com SIP/2.0", "Proxy-Require: foo"));

        assertThat(routing).isEqualTo(new Respond(Reply.of(420, "Bad Extension").with("Unsupported", "foo")));
    }

    @Test
    void requestUriOfAnotherSchemeIs416() {
        Routing routing = router().route(request("INVITE tel:+15551234567 SIP/2.0"));

        assertThat(reply(routing)).isEqualTo(Reply.of(416, "Unsupported URI Scheme"));
    }

    @Test
    void inviteOfALocalUserWithoutCredentialsIsChallenged() {
        RouterBeans beans = beans();
        bind(beans, BOB, "sip:bob@198.51.100.20", 1.0);

        Reply reply = reply(router(beans, DIRECT).route(SipRequests.parse(inviteText("sip:bob@example.com"))));

        assertThat(reply.status()).isEqualTo(407);
        assertThat(reply.headers()).extracting(Reply.SipHeader::name).containsOnly("Proxy-Authenticate");
    }

    @Test
    void inviteOfALocalUserFromATrustedNetworkIsNotChallenged() {
        RouterBeans beans = beans();
        bind(beans, BOB, "sip:bob@198.51.100.20", 1.0);

        Routing routing = router(beans, DIRECT).route(SipRequests.parse(inviteText("sip:bob@example.com"), GATEWAY));

        assertThat(routing).isInstanceOf(Relay.class);
    }

    @Test
    void methodsOutsideAuthMethodsAreNotChallenged() {
        RouterBeans beans = beans();
        bind(beans, BOB, "sip:bob@198.51.100.20", 1.0);

        Routing routing = router(beans, DIRECT).route(request("OPTIONS sip:bob@example.com SIP/2.0"));

        assertThat(routing).isInstanceOf(Relay.class);
    }

    @Test
    void authenticatedInviteGoesToTheUsersBindings() {
        RouterBeans beans = beans();
        bind(beans, BOB, "sip:bob@198.51.100.20", 1.0);
        RequestRouter router = router(beans, DIRECT);

        Routing routing = router.route(authenticated(router, "alice", "wonderland", "sip:bob@example.com"));

        assertThat(routing).isInstanceOf(Relay.class);
        assertThat(((Relay) routing).targets()).containsExactly(target("sip:bob@198.51.100.20"));
    }

    @Test
    void credentialsOfAnotherUserThanFromAre403() {
        RouterBeans beans = beans();
        bind(beans, ALICE, "sip:alice@198.51.100.10", 1.0);
        RequestRouter router = router(beans, DIRECT);

        Routing routing = router.route(authenticated(router, "bob", "builder", "sip:alice@example.com"));

        assertThat(reply(routing)).isEqualTo(Reply.of(403, "Forbidden (From is not the authenticated user)"));
    }

    @Test
    void unknownUserIs404() {
        Routing routing = router().route(SipRequests.parse(inviteText("sip:nobody@example.com"), GATEWAY));

        assertThat(reply(routing)).isEqualTo(Reply.of(404, "Not Found"));
    }

    @Test
    void aTargetWhoseDomainDoesNotResolveGets404() {
        SipServerLocator nxdomain = target -> CompletableFuture.failedFuture(
                new DnsFailure(DnsFailure.Kind.NOT_FOUND, target.host() + " has no SIP server", Duration.ofSeconds(10)));
        RequestRouter router = router(beans(), DIRECT, new SocketRules(List.of(), LISTENERS), nxdomain);

        Routing routing = router.route(SipRequests.parse(inviteText("sip:carol@nowhere.example.org"), GATEWAY));

        assertThat(reply(routing)).isEqualTo(Reply.of(404, "Not Found (domain does not resolve)"));
    }

    @Test
    void aTargetWhoseDnsDoesNotAnswerGets503UntilTheFailureIsForgotten() {
        SipServerLocator silent = target -> CompletableFuture.failedFuture(
                new DnsFailure(DnsFailure.Kind.UNAVAILABLE, "no answer", Duration.ofSeconds(10)));
        RequestRouter router = router(beans(), DIRECT, new SocketRules(List.of(), LISTENERS), silent);

        Routing routing = router.route(SipRequests.parse(inviteText("sip:carol@silent.example.org"), GATEWAY));

        assertThat(reply(routing)).isEqualTo(Reply.of(503, "Service Unavailable (DNS did not answer)")
                .with("Retry-After", "10"));
    }

    @Test
    void aContactWhoseHostDoesNotResolveIsLeftOutAndTheOthersAreTried() {
        RouterBeans beans = beans();
        bind(beans, BOB, "sip:bob@198.51.100.21", 1.0);
        bind(beans, BOB, "sip:bob@gone.example.net", 1.0);
        SipServerLocator gone = target -> CompletableFuture.failedFuture(
                new DnsFailure(DnsFailure.Kind.NOT_FOUND, target.host() + " has no SIP server", Duration.ofSeconds(10)));
        RequestRouter router = router(beans, DIRECT, new SocketRules(List.of(), LISTENERS), gone);

        Routing routing = router.route(SipRequests.parse(inviteText("sip:bob@example.com"), GATEWAY));

        assertThat(((Relay) routing).targets()).containsExactly(target("sip:bob@198.51.100.21"));
    }

    @Test
    void knownUserWithoutBindingIs480() {
        Routing routing = router().route(SipRequests.parse(inviteText("sip:bob@example.com"), GATEWAY));

        assertThat(reply(routing)).isEqualTo(Reply.of(480, "Temporarily Unavailable"));
    }

    @Test
    void bindingsAreTriedByQInGroupsFollowingTheirPath() {
        RouterBeans beans = beans();
        bind(beans, BOB, "sip:bob@198.51.100.21", 0.5);
        bind(beans, BOB, "sip:bob@198.51.100.22", 1.0, "<sip:edge.example.net;lr>");
        clock.advanceSeconds(1);
        bind(beans, BOB, "sip:bob@198.51.100.23", 1.0);

        RequestRouter router = router(beans, DIRECT);
        RequestContext context = router.context(SipRequests.parse(inviteText("sip:bob@example.com"), GATEWAY),
                () -> new byte[0]);

        Routing routing = router.route(context);

        assertThat(((Relay) routing).targets()).containsExactly(target("sip:bob@198.51.100.23"),
                target("sip:bob@198.51.100.22", "<sip:edge.example.net;lr>"));
        assertThat(context.attributes().all(RequestRouter.PENDING)).extracting(branch -> branch.uri().toString())
                .as("tried when those fail").containsExactly("sip:bob@198.51.100.21");
    }

    @Test
    void onlyDialogCreatingRequestsAreRecordRouted() {
        RouterBeans beans = beans();
        bind(beans, BOB, "sip:bob@198.51.100.20", 1.0);
        RequestRouter router = router(beans, DIRECT);
        InboundRequest invite = SipRequests.parse(inviteText("sip:bob@example.com"), GATEWAY);

        Relay inviteRelay = (Relay) router.route(invite);
        Relay messageRelay = (Relay) router.route(request("MESSAGE sip:bob@example.com SIP/2.0"));

        assertThat(inviteRelay.recordRoute()).isTrue();
        assertThat(inviteRelay.recordRouteParams()).containsEntry("lh", LoopDetectionStep.loopHash(invite));
        assertThat(messageRelay.recordRoute()).isFalse();
    }

    @Test
    void aSocketRuleWithADestinationSendsTheRequestThereThroughItsListener() {
        SocketRule media = new SocketRule("media", List.of(), Set.of(), Optional.of(Pattern.compile("^\\*33[0-9]+$")),
                Set.of(), Set.of(), Set.of(), Optional.of(new ForcedSocket.Named("private")),
                Optional.of(SipUri.parse("sip:10.0.0.100")));
        RequestRouter router = router(beans(), DIRECT, new SocketRules(List.of(media), LISTENERS));

        Routing routing = router.route(SipRequests.parse("INVITE sip:*331234@example.com SIP/2.0\n" + """
                From: <sip:gateway@example.net>;tag=g1
                To: <sip:*331234@example.com>
                Call-ID: media-1@203.0.113.9
                CSeq: 1 INVITE
                """, GATEWAY));

        assertThat(((Relay) routing).targets()).containsExactly(
                new Target("sip:*331234@example.com", List.of("<sip:10.0.0.100;lr>"), "private", false));
        assertThat(((Relay) routing).ingress()).isEqualTo("udp");
    }

    @Test
    void aListenerOfAnotherTransportPutsItsTransportOnTheNextHop() {
        SocketRule toTcp = new SocketRule("to-tcp", List.of(), Set.of(), Optional.empty(), Set.of(), Set.of(),
                Set.of(), Optional.of(new ForcedSocket.Named("tcp")), Optional.empty());
        RouterBeans beans = beans();
        bind(beans, BOB, "sip:bob@198.51.100.20", 1.0);
        bind(beans, ALICE, "sip:alice@198.51.100.10", 1.0, "<sip:edge.example.net;lr>");
        RequestRouter router = router(beans, DIRECT, new SocketRules(List.of(toTcp), LISTENERS));

        Relay toBob = (Relay) router.route(SipRequests.parse("MESSAGE sip:bob@example.com SIP/2.0\n" + """
                From: <sip:gateway@example.net>;tag=g1
                To: <sip:bob@example.com>
                Call-ID: tcp-1@203.0.113.9
                CSeq: 1 MESSAGE
                """, GATEWAY));
        Relay toAlice = (Relay) router.route(SipRequests.parse("MESSAGE sip:alice@example.com SIP/2.0\n" + """
                From: <sip:gateway@example.net>;tag=g1
                To: <sip:alice@example.com>
                Call-ID: tcp-2@203.0.113.9
                CSeq: 1 MESSAGE
                """, GATEWAY));

        assertThat(toBob.targets()).containsExactly(
                new Target("sip:bob@198.51.100.20;transport=tcp", List.of(), "tcp", false));
        assertThat(toAlice.targets()).containsExactly(new Target("sip:alice@198.51.100.10",
                List.of("<sip:edge.example.net;lr;transport=tcp>"), "tcp", false));
    }

    @Test
    void anInDialogRequestCrossesTheListenersOfItsTwoRecordRouteEntries() {
        Optional<Crossing> crossing = router().inDialog(inDialog("<sip:203.0.113.4:5060;transport=udp;lr;app_id=7>"),
                "<sip:127.0.0.1:5060;transport=udp;lr;app_id=7>");

        assertThat(crossing).contains(new Crossing("udp", "private", false, false));
    }

    @Test
    void anInDialogRequestWithOneRecordRouteEntryLeavesThroughThatListener() {
        Optional<Crossing> crossing = router().inDialog(inDialog("<sip:edge.example.net;lr>"),
                "<sip:127.0.0.1:5060;transport=tcp;lr;app_id=7>");

        assertThat(crossing).contains(new Crossing("tcp", "tcp", false, false));
    }

    @Test
    void anInDialogRequestThatDidNotComeThroughOurRecordRouteIsNotBridged() {
        assertThat(router().inDialog(inDialog(), "<sip:192.0.2.1:5060;lr>")).isEmpty();
    }

    @Test
    void anEntryShowingAListenersOwnAddressNamesItToo() {
        Optional<Crossing> crossing = router().inDialog(inDialog(), "<sip:10.0.0.4:5060;transport=udp;lr;app_id=7>");

        assertThat(crossing.map(Crossing::ingress)).contains("private");
    }

    @Test
    void peersOnPrivateNetworksAreShownTheListenersOwnAddress() {
        RouterBeans beans = beans();
        Listeners withPrivate = new Listeners(LISTENERS.all(), UDP, List.of(IpNetwork.parse("198.51.100.0/24")));
        RequestRouter router = new RequestRouter(
                RouteChain.of(defaultSteps(beans, DIRECT, new SocketRules(List.of(), withPrivate))), withPrivate,
                branch -> new SocketChoice(withPrivate.named("private").orElseThrow(), Reason.DEFAULT), SERVERS);

        Relay toPrivate = (Relay) router.route(SipRequests.parse("MESSAGE sip:carol@198.51.100.30 SIP/2.0\n" + """
                From: <sip:gateway@example.net>;tag=g1
                To: <sip:carol@198.51.100.30>
                Call-ID: private-1@203.0.113.9
                CSeq: 1 MESSAGE
                """, GATEWAY));
        Optional<Crossing> byeFromPrivate = router.inDialog(inDialog(),
                "<sip:203.0.113.4:5060;transport=udp;lr;app_id=7>");

        assertThat(toPrivate.targets().get(0).ownAddress()).as("towards 198.51.100.30").isTrue();
        assertThat(toPrivate.ingressOwnAddress()).as("towards the gateway 203.0.113.9").isFalse();
        assertThat(byeFromPrivate).as("a BYE from 198.51.100.7 to 192.0.2.44")
                .contains(new Crossing("private", "private", true, false));
    }

    @Test
    void localUsersMayCallOtherDomains() {
        RequestRouter router = router();

        Routing routing = router.route(authenticated(router, "alice", "wonderland", "sip:carol@example.org"));

        assertThat(((Relay) routing).targets()).containsExactly(target("sip:carol@example.org"));
    }

    @Test
    void trustedSourcesMayReachOtherDomains() {
        Routing routing = router().route(SipRequests.parse("""
                MESSAGE sip:carol@example.org SIP/2.0
                From: <sip:dave@example.net>;tag=d1
                To: <sip:carol@example.org>
                Call-ID: relay-1
                CSeq: 1 MESSAGE
                """, GATEWAY));

        assertThat(routing).isInstanceOf(Relay.class);
    }

    @Test
    void strangersMayNotUseTheRouterAsARelay() {
        Routing routing = router().route(SipRequests.parse("""
                INVITE sip:carol@example.org SIP/2.0
                From: <sip:dave@example.net>;tag=d1
                To: <sip:carol@example.org>
                Call-ID: relay-2
                CSeq: 1 INVITE
                """));

        assertThat(reply(routing)).isEqualTo(Reply.of(403, "Relaying Forbidden"));
    }

    @Test
    void aSourceInATrustedAddressGroupMayRelayAndIsTaggedWithItsGroup() {
        RouterBeans beans = beans();
        beans.addressGroups().add(AddressRule.of(3, SipRequests.USER_AGENT.address(), null, 0, "any", null, "ivr"));
        List<Object> steps = new ArrayList<>(defaultSteps(beans, DIRECT, new SocketRules(List.of(), LISTENERS)));
        steps.replaceAll(step -> step instanceof SourceGroupStep
                ? new SourceGroupStep(beans.addressGroups(), Map.of(3, "FROM_IVR"), Set.of(3)) : step);
        RequestRouter router = new RequestRouter(RouteChain.of(steps), LISTENERS,
                branch -> new SocketChoice(LISTENERS.fallback(), Reason.DEFAULT), SERVERS);
        RequestContext context = router.context(SipRequests.parse("""
                INVITE sip:carol@example.org SIP/2.0
                From: <sip:dave@example.net>;tag=d1
                To: <sip:carol@example.org>
                Call-ID: relay-3
                CSeq: 1 INVITE
                """), () -> new byte[0]);

        assertThat(router.route(context)).isInstanceOf(Relay.class);
        assertThat(context.attributes().get(SourceGroupStep.GROUP)).contains(3);
        assertThat(context.attributes().get(SourceGroupStep.CONTEXT)).contains("ivr");
        assertThat(context.flags().names()).containsExactlyInAnyOrder("FROM_IVR", Flags.TRUSTED);
    }

    @Test
    void requestsForOtherDomainsGoThroughTheOutboundProxy() {
        ProxySettings outbound = new ProxySettings(Optional.of(SipUri.parse("sip:outbound.example.net")),
                Optional.empty(), 30);

        Routing routing = router(beans(), outbound).route(SipRequests.parse(inviteText("sip:carol@example.org"), GATEWAY));

        assertThat(((Relay) routing).targets()).containsExactly(
                target("sip:carol@example.org", "<sip:outbound.example.net;lr>"));
    }

    @Test
    void usersWithoutBindingGoToTheDefaultRoute() {
        ProxySettings voicemail = new ProxySettings(Optional.empty(),
                Optional.of(SipUri.parse("sip:voicemail.example.com")), 30);

        Routing routing = router(beans(), voicemail).route(SipRequests.parse(inviteText("sip:bob@example.com"), GATEWAY));

        assertThat(((Relay) routing).targets()).containsExactly(target("sip:voicemail.example.com"));
    }

    @Test
    void requestThatCameThroughHereUnchangedIsALoop() {
        RouterBeans beans = beans();
        bind(beans, BOB, "sip:bob@198.51.100.20", 1.0);
        String invite = inviteText("sip:bob@example.com");
        String hash = LoopDetectionStep.loopHash(SipRequests.parse(invite));

        Routing routing = router(beans, DIRECT).route(SipRequests.parse(
                invite + "Record-Route: <sip:127.0.0.1:5060;lr;lh=" + hash + ">\n", GATEWAY));

        assertThat(reply(routing)).isEqualTo(Reply.of(482, "Loop Detected"));
    }

    @Test
    void spiralWithANewRequestUriIsNoLoop() {
        RouterBeans beans = beans();
        bind(beans, BOB, "sip:bob@198.51.100.20", 1.0);
        String earlierHash = LoopDetectionStep.loopHash(SipRequests.parse(inviteText("sip:+15551234567@example.com")));

        Routing routing = router(beans, DIRECT).route(SipRequests.parse(inviteText("sip:bob@example.com")
                + "Record-Route: <sip:127.0.0.1:5060;lr;lh=" + earlierHash + ">\n", GATEWAY));

        assertThat(routing).isInstanceOf(Relay.class);
    }

    @Test
    void hashInSomeoneElsesRecordRouteIsNoLoop() {
        RouterBeans beans = beans();
        bind(beans, BOB, "sip:bob@198.51.100.20", 1.0);
        String invite = inviteText("sip:bob@example.com");
        String hash = LoopDetectionStep.loopHash(SipRequests.parse(invite));

        Routing routing = router(beans, DIRECT).route(SipRequests.parse(
                invite + "Record-Route: <sip:proxy.example.net;lr;lh=" + hash + ">\n", GATEWAY));

        assertThat(routing).isInstanceOf(Relay.class);
    }

    @Test
    void failedGroupsLeadToTheNextUnlessTheSearchIsOver() {
        assertThat(RequestRouter.searchIsOver(200)).isTrue();
        assertThat(RequestRouter.searchIsOver(603)).isTrue();
        assertThat(RequestRouter.searchIsOver(486)).isFalse();
        assertThat(RequestRouter.searchIsOver(503)).isFalse();
    }

    private RouterBeans beans() {
        RouterBeans beans = RouterBeans.over(TestDatabase.H2.empty(), directory, clock,
                RouterBeans.auth(true, Set.of("INVITE"), List.of(IpNetwork.parse("203.0.113.0/24"))));
        beans.subscribers().save(ALICE, "wonderland");
        beans.subscribers().save(BOB, "builder");
        return beans;
    }

    private RequestRouter router() {
        return router(beans(), DIRECT);
    }

    private static RequestRouter router(RouterBeans beans, ProxySettings settings) {
        return router(beans, settings, new SocketRules(List.of(), LISTENERS));
    }

    /** A router whose socket policy always answers the default listener, udp. */
    private static RequestRouter router(RouterBeans beans, ProxySettings settings, SocketRules rules) {
        return router(beans, settings, rules, SERVERS);
    }

    private static RequestRouter router(RouterBeans beans, ProxySettings settings, SocketRules rules,
                                        SipServerLocator servers) {
        return new RequestRouter(RouteChain.of(defaultSteps(beans, settings, rules)), LISTENERS, branch -> branch.forced()
                .flatMap(forced -> forced.resolve(branch.request().arrival(), LISTENERS))
                .map(listener -> new SocketChoice(listener, Reason.RULE))
                .orElse(new SocketChoice(LISTENERS.fallback(), Reason.DEFAULT)), servers);
    }

    /** The router's own steps and hooks, over these beans. */
    static List<Object> defaultSteps(RouterBeans beans, ProxySettings settings, SocketRules rules) {
        return List.of(new UriSchemeStep(), new RegistrarStep(beans.domains()),
                new AddressedToRouterStep(beans.domains()), new MaxForwardsStep(), new ProxyRequireStep(),
                new LoopDetectionStep(beans.domains()),
                new SourceGroupStep(beans.addressGroups(), Map.of(), Set.of()),
                new AuthenticationStep(beans.domains(), beans.authenticator()),
                new SocketRuleStep(rules), new RedirectStep(beans.domains(), beans.location(), settings,
                        java.time.Clock.systemUTC()),
                new LocationLookupStep(beans.domains(), beans.location(), beans.subscribers(), settings),
                new RelayToDomainStep(beans.domains(), beans.authenticator(), settings), new SerialForkingHook());
    }

    private static Target target(String uri, String... routes) {
        return new Target(uri, List.of(routes), "udp", false);
    }

    private void bind(RouterBeans beans, Aor aor, String contact, double q, String... path) {
        beans.location().update(aor, current -> {
            List<Binding> next = new ArrayList<>(current);
            next.add(new Binding(0, aor, contact, q, clock.instant().plusSeconds(3600), "reg-" + contact, 1,
                    clock.instant(), Optional.empty(), Optional.empty(), "", List.of(path)));
            return next;
        });
    }

    /** An INVITE from alice@example.com, sent again with {@code user}'s answer to the router's 407. */
    private static InboundRequest authenticated(RequestRouter router, String user, String password, String target) {
        String invite = inviteText(target);
        Reply challenge = reply(router.route(SipRequests.parse(invite)));
        return SipRequests.parse(invite + "Proxy-Authorization: "
                + new DigestClient(user, password).answer(challenge, "INVITE", target) + "\n");
    }

    /** An INVITE from alice@example.com. */
    private static String inviteText(String target) {
        return """
                INVITE %s SIP/2.0
                From: "Alice" <sip:alice@example.com>;tag=a1
                To: <%s>
                Call-ID: call-1@198.51.100.7
                CSeq: 1 INVITE
                Max-Forwards: 70
                """.formatted(target, target);
    }

    /** A request from alice@example.com with the given request line and header field lines. */
    private static InboundRequest request(String requestLine, String... fields) {
        return SipRequests.parse(requestLine + "\n" + """
                From: <sip:alice@example.com>;tag=a1
                To: <sip:bob@example.com>
                Call-ID: request-1@198.51.100.7
                CSeq: 1 %s
                """.formatted(requestLine.substring(0, requestLine.indexOf(' '))) + String.join("\n", fields));
    }

    /** A BYE from 198.51.100.7 to alice's contact 192.0.2.44, with these Route header fields left after the pop. */
    private static InboundRequest inDialog(String... routes) {
        StringBuilder text = new StringBuilder("BYE sip:alice@192.0.2.44 SIP/2.0\n" + """
                From: <sip:bob@example.com>;tag=b1
                To: <sip:alice@example.com>;tag=a1
                Call-ID: dialog-1@198.51.100.7
                CSeq: 2 BYE
                """);
        for (String route : routes) {
            text.append("Route: ").append(route).append('\n');
        }
        return SipRequests.parse(text.toString());
    }

    private static Reply reply(Routing routing) {
        assertThat(routing).isInstanceOf(Respond.class);
        return ((Respond) routing).reply();
    }
}
