package org.interchange.proxy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.interchange.RouterBeans;
import org.interchange.container.config.IpAddresses;
import org.interchange.container.config.SipListener;
import org.interchange.container.dns.SipHop;
import org.interchange.core.IpNetwork;
import org.interchange.core.TestClock;
import org.interchange.core.persistence.TestDatabase;
import org.interchange.core.sip.Aor;
import org.interchange.core.sip.InboundRequest;
import org.interchange.core.sip.SipRequests;
import org.interchange.listener.Listeners;
import org.interchange.listener.SocketChoice;
import org.interchange.listener.SocketChoice.Reason;
import org.interchange.listener.SocketRules;
import org.interchange.location.Binding;
import org.interchange.routing.RouteChain;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of routing one initial request through the router's default route ({@link RequestRouter#route}: every
 * step of the chain until one decides, then the relay's target with its socket choice): an INVITE to a registered
 * user (location lookup, one binding) and one to another domain (relay-to-domain), both from a trusted gateway so
 * that digest verification, measured by {@code DigestBenchmark}, is not in the figure. The socket policy answers a
 * fixed listener and DNS is not asked (the targets are addresses), so what is measured is the route itself. Not a
 * test: run with {@code mvn -B -o -pl src -am -Pjmh test-compile exec:exec -Djmh.args=Route} (see
 * {@code it-tests/bench/README.md}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RouteBenchmark {

    private static final SipListener UDP = SipListener.parse("udp", "udp:127.0.0.1:5060");

    private RequestRouter router;
    private InboundRequest toRegisteredUser;
    private InboundRequest toOtherDomain;

    @Setup
    public void setUp() throws IOException {
        TestClock clock = TestClock.at("2026-12-06T10:00:00Z");
        RouterBeans beans = RouterBeans.over(TestDatabase.H2.empty(), Files.createTempDirectory("route-bench"),
                clock, RouterBeans.auth(true, Set.of("INVITE"), List.of(IpNetwork.parse("203.0.113.0/24"))));
        Aor bob = Aor.parse("bob@example.com");
        beans.subscribers().save(bob, "builder");
        beans.location().update(bob, current -> {
            List<Binding> next = new ArrayList<>(current);
            next.add(new Binding(0, bob, "sip:bob@198.51.100.20:5060", 1.0, clock.instant().plusSeconds(3600),
                    "reg-1", 1, clock.instant(), Optional.empty(), Optional.empty(), "", List.of()));
            return next;
        });
        Listeners listeners = new Listeners(List.of(UDP), UDP);
        ProxySettings settings = new ProxySettings(Optional.empty(), Optional.empty(), 30);
        router = new RequestRouter(RouteChain.of(RequestRouterTest.defaultSteps(beans, settings,
                new SocketRules(List.of(), listeners))), listeners,
                branch -> new SocketChoice(UDP, Reason.DEFAULT),
                target -> CompletableFuture.completedFuture(List.of(new SipHop(target.defaultTransport(),
                        IpAddresses.parseLiteral("192.0.2.53").orElseThrow(), 5060))));
        toRegisteredUser = invite("sip:bob@example.com");
        toOtherDomain = invite("sip:carol@198.51.100.30");
    }

    private static InboundRequest invite(String target) {
        return SipRequests.parse("""
                INVITE %s SIP/2.0
                Via: SIP/2.0/UDP 203.0.113.9:5060;branch=z9hG4bK-bench
                From: <sip:gateway@example.net>;tag=g1
                To: <%s>
                Call-ID: bench-1@203.0.113.9
                CSeq: 1 INVITE
                Max-Forwards: 70
                Contact: <sip:gateway@203.0.113.9:5060>
                """.formatted(target, target), RequestRouterTest.GATEWAY);
    }

    @Benchmark
    public Routing inviteToRegisteredUser() {
        return router.route(toRegisteredUser);
    }

    @Benchmark
    public Routing inviteToOtherDomain() {
        return router.route(toOtherDomain);
    }
}
