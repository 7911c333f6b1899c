package org.interchange.listener.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.interchange.container.config.Transport;
import org.interchange.core.sip.Endpoint;
import org.interchange.core.sip.InboundRequest;
import org.interchange.core.sip.SipRequests;
import org.interchange.listener.ForcedSocket;
import org.interchange.listener.Listeners;
import org.interchange.listener.NextHop;
import org.interchange.listener.OutboundBranch;
import org.interchange.listener.SocketChoice;
import org.interchange.listener.SocketChoice.Reason;
import org.interchange.listener.SocketFallback;
import org.interchange.listener.SocketStats;
import org.interchange.listener.TestListeners;
import org.junit.jupiter.api.Test;

/**
 * The router's socket policy, first match wins: the rule's listener, the registration's, the kernel's route, the
 * default of the transport and family. A listener of the wrong family is never taken, and every decision is counted
 * under its reason. The listeners are a public one (the default), a private one over UDP and TCP and an IPv6 one;
 * the kernel routes the private network through the private address and the rest through the public one.
 */
class DefaultSocketPolicyTest {

    private static final Endpoint PUBLIC = Endpoint.parse("udp:203.0.113.4:5060");
    private static final Endpoint PRIVATE = Endpoint.parse("udp:10.0.0.4:5060");

    private final Listeners listeners = TestListeners.of(
            "public = udp:203.0.113.4:5060",
            "private = udp:10.0.0.4:5060",
            "private-tcp = tcp:10.0.0.4:5060",
            "v6 = udp:[2001:db8::4]:5060");
    private final FakeKernel kernel = new FakeKernel()
            .route("10.0.0.100", "10.0.0.4")
            .route("10.0.0.101", "10.0.0.5")
            .route("198.51.100.20", "203.0.113.4")
            .route("2001:db8::100", "2001:db8::4");
    private final SocketStats stats = new SocketStats();
    private final List<SocketFallback> fallbacks = new ArrayList<>();
    private final DefaultSocketPolicy policy = new DefaultSocketPolicy(listeners,
            new KernelRouteSelector(listeners, Duration.ofSeconds(60), () -> 0L, kernel, address -> Optional.empty(),
                    fallbacks::add),
            stats, fallbacks::add);

    @Test
    void theRulesListenerWinsOverRegistrationAndKernelRoute() {
        SocketChoice choice = policy.choose(branch("sip:bob@198.51.100.20", PUBLIC,
                Optional.of(new ForcedSocket.Named("private")), Optional.of(PUBLIC)));

        assertThat(choice).isEqualTo(choice("private", Reason.RULE));
    }

    @Test
    void aRuleMayNameTheArrivalAddressWithAnotherTransport() {
        SocketChoice choice = policy.choose(branch("sip:bob@10.0.0.100;transport=tcp", PRIVATE,
                Optional.of(new ForcedSocket.OnReceivedAddress(Transport.TCP, OptionalInt.empty())), Optional.empty()));

        assertThat(choice).isEqualTo(choice("private-tcp", Reason.RULE));
    }

    @Test
    void aForcedListenerOfTheWrongFamilyIsPassedOverAndCounted() {
        SocketChoice choice = policy.choose(branch("sip:bob@198.51.100.20", PUBLIC,
                Optional.of(new ForcedSocket.Named("v6")), Optional.empty()));

        assertThat(choice).isEqualTo(choice("public", Reason.KERNEL_ROUTE));
        assertThat(stats.snapshot()).contains(entry("forced-unusable", 1L), entry("rule", 0L));
        assertThat(fallbacks).singleElement().satisfies(fallback -> {
            assertThat(fallback.kind()).isEqualTo(SocketFallback.Kind.FORCED_UNUSABLE);
            assertThat(fallback.wanted()).isEqualTo(new ForcedSocket.Named("v6").toString());
            assertThat(fallback.chosen()).isEqualTo(listeners.named("public").orElseThrow());
            assertThat(fallback.why()).endsWith("chosen by kernel-route");
        });
    }

    @Test
    void aForcedReceivedAddressWithoutAListenerThereIsPassedOverAndCounted() {
        SocketChoice choice = policy.choose(branch("sip:bob@10.0.0.100;transport=tcp", PUBLIC,
                Optional.of(new ForcedSocket.OnReceivedAddress(Transport.TCP, OptionalInt.empty())), Optional.empty()));

        assertThat(choice).isEqualTo(choice("private-tcp", Reason.KERNEL_ROUTE));
        assertThat(stats.snapshot()).contains(entry("forced-unusable", 1L));
    }

    @Test
    void theRegistrationsListenerWinsOverTheKernelRoute() {
        SocketChoice choice = policy.choose(branch("sip:bob@198.51.100.20", PUBLIC, Optional.empty(),
                Optional.of(PRIVATE)));

        assertThat(choice).isEqualTo(choice("private", Reason.REGISTRATION));
    }

    @Test
    void aRegistrationsListenerOfAnotherTransportOrFamilyOrNoListenerAtAllIsPassedOver() {
        for (String registered : List.of("tcp:10.0.0.4:5060", "udp:[2001:db8::4]:5060", "udp:10.0.0.9:5060")) {
            SocketChoice choice = policy.choose(branch("sip:bob@198.51.100.20", PUBLIC, Optional.empty(),
                    Optional.of(Endpoint.parse(registered))));

            assertThat(choice).as(registered).isEqualTo(choice("public", Reason.KERNEL_ROUTE));
        }
        assertThat(stats.snapshot()).contains(entry("forced-unusable", 0L));
    }

    @Test
    void theKernelsAddressIsMappedToTheListenerOfTheTransportBoundThere() {
        assertThat(policy.choose(branch("sip:bob@10.0.0.100"))).isEqualTo(choice("private", Reason.KERNEL_ROUTE));
        assertThat(policy.choose(branch("sip:bob@10.0.0.100;transport=tcp")))
                .isEqualTo(choice("private-tcp", Reason.KERNEL_ROUTE));
        assertThat(policy.choose(branch("sip:bob@[2001:db8::100]"))).isEqualTo(choice("v6", Reason.KERNEL_ROUTE));
    }

    @Test
    void aKernelAddressThatIsNoListenerFallsBackToAListenerOfTheTransportAndFamily() {
        assertThat(policy.choose(branch("sip:bob@10.0.0.101")))
                .isEqualTo(choice("public", Reason.KERNEL_ROUTE_FALLBACK));
    }

    @Test
    void withoutAKernelRouteTheDefaultOfTheTransportAndFamilyIsUsed() {
        assertThat(policy.choose(branch("sip:bob@192.0.2.50"))).isEqualTo(choice("public", Reason.DEFAULT));
        assertThat(policy.choose(branch("sip:bob@192.0.2.50;transport=tcp")))
                .isEqualTo(choice("private-tcp", Reason.DEFAULT));
        assertThat(policy.choose(branch("sip:bob@[2001:db8:99::1]"))).isEqualTo(choice("v6", Reason.DEFAULT));
    }

    @Test
    void everyDecisionIsCountedUnderItsReason() {
        policy.choose(branch("sip:bob@198.51.100.20", PUBLIC, Optional.of(new ForcedSocket.Named("private")),
                Optional.empty()));
        policy.choose(branch("sip:bob@198.51.100.20", PUBLIC, Optional.empty(), Optional.of(PRIVATE)));
        policy.choose(branch("sip:bob@10.0.0.100"));
        policy.choose(branch("sip:bob@[2001:db8::100]", PUBLIC, Optional.of(new ForcedSocket.Named("private")),
                Optional.empty()));
        policy.choose(branch("sip:bob@10.0.0.101"));
        policy.choose(branch("sip:bob@192.0.2.50"));

        assertThat(stats.snapshot()).containsExactly(
                entry("rule", 1L),
                entry("registration", 1L),
                entry("kernel-route", 2L),
                entry("kernel-route-fallback", 1L),
                entry("default", 1L),
                entry("forced-unusable", 1L));
    }

    private SocketChoice choice(String listener, Reason reason) {
        return new SocketChoice(listeners.named(listener).orElseThrow(), reason);
    }

    /** An INVITE that arrived on the public listener, with neither rule nor registration. */
    private static OutboundBranch branch(String requestUri) {
        return branch(requestUri, PUBLIC, Optional.empty(), Optional.empty());
    }

    private static OutboundBranch branch(String requestUri, Endpoint arrival, Optional<ForcedSocket> forced,
                                         Optional<Endpoint> registered) {
        InboundRequest parsed = SipRequests.parse("INVITE " + requestUri + " SIP/2.0");
        InboundRequest request = new InboundRequest(parsed.method(), parsed.requestUri(), parsed.headers(),
                parsed.source(), arrival, true);
        return new OutboundBranch(request, NextHop.of(requestUri, List.of()), forced, registered);
    }
}
