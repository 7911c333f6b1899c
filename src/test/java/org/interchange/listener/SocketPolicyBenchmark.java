package org.interchange.listener;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.interchange.container.config.Transport;
import org.interchange.core.sip.Endpoint;
import org.interchange.core.sip.InboundRequest;
import org.interchange.core.sip.SipRequests;
import org.interchange.listener.SocketChoice.Reason;
import org.interchange.listener.internal.DefaultSocketPolicy;
import org.interchange.listener.internal.KernelRouteSelector;
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
 * The cost of one socket policy decision ({@link DefaultSocketPolicy#choose}), by the step that decides, and of the
 * socket rule lookup that the router does once per initial request ({@link SocketRules#match}). Not a test: run with
 * {@code mvn -B -o -pl src -am -Pjmh test-compile exec:exec -Djmh.args=SocketPolicy} (see
 * {@code it-tests/bench/README.md}).
 *
 * <p>Every branch goes to the same next hop, {@code 127.0.0.1:5080} over UDP, and leaves through the same listener,
 * {@code loopback} ({@code udp:127.0.0.1:5060}); only the reason differs. The automatic step runs over the real
 * kernel ({@link KernelRouteSelector#system}): once its cache holds the loopback destination, a decision is a map
 * lookup; the cold case empties the cache before each decision, so that each one asks the kernel (a UDP socket
 * opened, connected and closed), which is what the cache saves. The listeners are a multihomed router's: a public
 * one (the default), a private one, loopback over UDP and TCP, and IPv6 loopback.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SocketPolicyBenchmark {

    private NextHop nextHop;
    private InetAddress destination;
    private KernelRouteSelector kernelRoutes;
    private DefaultSocketPolicy policy;
    private OutboundBranch automatic;
    private OutboundBranch manual;
    private OutboundBranch registration;
    private SocketRules noRules;
    private SocketRules oneRule;
    private InboundRequest request;

    @Setup
    public void setUp() {
        Listeners listeners = TestListeners.of(
                "public = udp:203.0.113.4:5060",
                "private = udp:10.0.0.4:5060",
                "loopback = udp:127.0.0.1:5060",
                "loopback-tcp = tcp:127.0.0.1:5060",
                "loopback6 = udp:[::1]:5060");
        nextHop = NextHop.of("sip:bob@127.0.0.1:5080", List.of());
        destination = nextHop.address().orElseThrow();
        kernelRoutes = KernelRouteSelector.system(listeners, Duration.ofSeconds(60), fallback -> { });
        policy = new DefaultSocketPolicy(listeners, kernelRoutes, new SocketStats(), fallback -> { });
        // the rule of the configuration's example: calls to *33... leave through a chosen listener
        SocketRule media = new SocketRule("media", List.of(), Set.of(), Optional.of(Pattern.compile("^\\*33[0-9]+$")),
                Set.of(), Set.of(), Set.of(), Optional.of(new ForcedSocket.Named("loopback")), Optional.empty());
        noRules = new SocketRules(List.of(), listeners);
        oneRule = new SocketRules(List.of(media), listeners);
        request = SipRequests.parse("""
                INVITE sip:*331234@127.0.0.1 SIP/2.0
                Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-bench
                Max-Forwards: 70
                From: <sip:alice@127.0.0.1>;tag=1
                To: <sip:*331234@127.0.0.1>
                Call-ID: bench@198.51.100.7
                CSeq: 1 INVITE
                Contact: <sip:alice@198.51.100.7:5060>
                """);
        automatic = new OutboundBranch(request, nextHop, Optional.empty(), Optional.empty());
        manual = new OutboundBranch(request, nextHop, oneRule.match(request).flatMap(SocketRule::socket),
                Optional.empty());
        registration = new OutboundBranch(request, nextHop, Optional.empty(),
                Optional.of(Endpoint.parse("udp:127.0.0.1:5060")));

        // each case must decide as its name says, or its figure means nothing
        expect(policy.choose(automatic), Reason.KERNEL_ROUTE);
        expect(policy.choose(manual), Reason.RULE);
        expect(policy.choose(registration), Reason.REGISTRATION);
        if (noRules.match(request).isPresent() || oneRule.match(request).isEmpty()) {
            throw new IllegalStateException("the rule must match the request, and no rules nothing");
        }
    }

    /** No rule, no registration: the kernel's route, from the warm cache. */
    @Benchmark
    public SocketChoice automaticWarmCache() {
        return policy.choose(automatic);
    }

    /**
     * No rule, no registration, and an empty cache: the kernel is asked each time. Includes emptying the cache (one
     * entry), which is small beside the kernel lookup.
     */
    @Benchmark
    public SocketChoice automaticColdCache() {
        kernelRoutes.flush();
        return policy.choose(automatic);
    }

    /** A socket rule named the listener ({@code socket.rule.<name>.socket = loopback}). */
    @Benchmark
    public SocketChoice manualRule() {
        return policy.choose(manual);
    }

    /** The callee registered through the listener. */
    @Benchmark
    public SocketChoice registrationSocket() {
        return policy.choose(registration);
    }

    /** A part of every decision above: the next hop's address, parsed from its host (a literal here). */
    @Benchmark
    public Optional<InetAddress> partNextHopAddress() {
        return nextHop.address();
    }

    /** A part of the automatic decision: the kernel route selector's answer from its warm cache. */
    @Benchmark
    public Optional<SocketChoice> partKernelRouteCacheHit() {
        return kernelRoutes.choose(destination, Transport.UDP);
    }

    /** Looking up the request's socket rule with none configured: what the automatic path pays upstream. */
    @Benchmark
    public Optional<SocketRule> matchNoRules() {
        return noRules.match(request);
    }

    /** Looking up the request's socket rule with one (Request-URI user regex) that matches: the manual path's. */
    @Benchmark
    public Optional<SocketRule> matchOneRule() {
        return oneRule.match(request);
    }

    private static void expect(SocketChoice choice, Reason reason) {
        if (choice.reason() != reason || !choice.listener().name().equals("loopback")) {
            throw new IllegalStateException("expected loopback (" + reason + "), the policy chose " + choice);
        }
    }
}
