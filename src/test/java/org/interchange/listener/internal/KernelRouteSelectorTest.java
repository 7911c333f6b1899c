package org.interchange.listener.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.interchange.listener.internal.FakeKernel.address;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.interchange.container.config.Transport;
import org.interchange.core.IpNetwork;
import org.interchange.listener.Listeners;
import org.interchange.listener.SocketChoice;
import org.interchange.listener.SocketChoice.Reason;
import org.interchange.listener.SocketFallback;
import org.interchange.listener.TestListeners;
import org.interchange.listener.internal.KernelRouteSelector.LocalInterface;
import org.junit.jupiter.api.Test;

/**
 * The automatic step: the kernel's source address for a destination, mapped to a listener of the transport, asked
 * once per destination and transport until the TTL passes or the cache is flushed. An address that is no listener
 * falls back to a listener on the same interface, else in the same subnet, else the default of the transport and
 * family. The kernel and the interfaces are fakes, and so is the clock.
 */
class KernelRouteSelectorTest {

    private static final Duration TTL = Duration.ofSeconds(60);

    private final Listeners listeners = TestListeners.of(
            "public = udp:203.0.113.4:5060",
            "private = udp:10.0.0.4:5060",
            "lab = udp:10.0.1.4:5060",
            "private-tcp = tcp:10.0.0.4:5060",
            "v6 = udp:[2001:db8::4]:5060");
    private final FakeKernel kernel = new FakeKernel()
            .route("10.0.0.100", "10.0.0.4")
            .route("10.0.0.101", "10.0.0.5")
            .route("2001:db8::100", "2001:db8::5");
    private final Map<InetAddress, LocalInterface> interfaces = new HashMap<>();
    private long nanoTime = 1_000_000_000L;
    private final List<SocketFallback> fallbacks = new ArrayList<>();
    private final KernelRouteSelector selector = new KernelRouteSelector(listeners, TTL, () -> nanoTime, kernel,
            address -> Optional.ofNullable(interfaces.get(address)), fallbacks::add);

    @Test
    void theKernelsAddressIsTheListenerBoundThere() {
        assertThat(selector.choose(address("10.0.0.100"), Transport.UDP))
                .contains(choice("private", Reason.KERNEL_ROUTE));
        assertThat(selector.choose(address("10.0.0.100"), Transport.TCP))
                .contains(choice("private-tcp", Reason.KERNEL_ROUTE));
    }

    @Test
    void anAnswerIsAskedOnceAndKeptForRepeatedCalls() {
        for (int i = 0; i < 3; i++) {
            assertThat(selector.choose(address("10.0.0.100"), Transport.UDP))
                    .contains(choice("private", Reason.KERNEL_ROUTE));
        }

        assertThat(kernel.questions()).isEqualTo(1);
        assertThat(selector.cached()).isEqualTo(1);
    }

    @Test
    void eachTransportToADestinationIsAnAnswerOfItsOwn() {
        selector.choose(address("10.0.0.100"), Transport.UDP);
        selector.choose(address("10.0.0.100"), Transport.TCP);
        selector.choose(address("10.0.0.100"), Transport.TCP);

        assertThat(kernel.questions()).isEqualTo(2);
    }

    @Test
    void anAnswerIsKeptUntilTheTtlPasses() {
        selector.choose(address("10.0.0.100"), Transport.UDP);

        nanoTime += TTL.toNanos() - 1;
        selector.choose(address("10.0.0.100"), Transport.UDP);
        assertThat(kernel.questions()).isEqualTo(1);

        nanoTime += 1;
        selector.choose(address("10.0.0.100"), Transport.UDP);
        assertThat(kernel.questions()).isEqualTo(2);
    }

    @Test
    void aFlushForgetsEveryAnswer() {
        selector.choose(address("10.0.0.100"), Transport.UDP);
        selector.choose(address("10.0.0.101"), Transport.UDP);

        selector.flush();

        assertThat(selector.cached()).isZero();
        selector.choose(address("10.0.0.100"), Transport.UDP);
        assertThat(kernel.questions()).isEqualTo(3);
    }

    @Test
    void withoutARouteThereIsNoAnswerAndThatTooIsKept() {
        assertThat(selector.choose(address("192.0.2.50"), Transport.UDP)).isEmpty();
        assertThat(selector.choose(address("192.0.2.50"), Transport.UDP)).isEmpty();

        assertThat(kernel.questions()).isEqualTo(1);
    }

    @Test
    void aKernelAddressThatIsNoListenerFallsBackToAListenerOnTheSameInterfaceBeforeOneInTheSameSubnet() {
        interfaces.put(address("10.0.0.5"), new LocalInterface("eth1",
                List.of(address("10.0.0.5"), address("10.0.1.4")),
                List.of(IpNetwork.parse("10.0.0.0/24"), IpNetwork.parse("10.0.1.0/24"))));

        assertThat(selector.choose(address("10.0.0.101"), Transport.UDP))
                .contains(choice("lab", Reason.KERNEL_ROUTE_FALLBACK));
    }

    @Test
    void aKernelAddressThatIsNoListenerFallsBackToAListenerInTheSameSubnet() {
        interfaces.put(address("10.0.0.5"), new LocalInterface("eth1", List.of(address("10.0.0.5")),
                List.of(IpNetwork.parse("10.0.0.0/24"))));

        assertThat(selector.choose(address("10.0.0.101"), Transport.UDP))
                .contains(choice("private", Reason.KERNEL_ROUTE_FALLBACK));
    }

    @Test
    void aFallbackIsReportedOncePerCachedAnswerWithWhatTheKernelWantedAndWhatWasTaken() {
        interfaces.put(address("10.0.0.5"), new LocalInterface("eth1", List.of(address("10.0.0.5")),
                List.of(IpNetwork.parse("10.0.0.0/24"))));

        selector.choose(address("10.0.0.101"), Transport.UDP);
        selector.choose(address("10.0.0.101"), Transport.UDP);

        assertThat(fallbacks).containsExactly(new SocketFallback(SocketFallback.Kind.KERNEL_ROUTE_FALLBACK,
                "10.0.0.101", "udp:10.0.0.5", listeners.named("private").orElseThrow(), "same subnet"));
    }

    @Test
    void theKernelsOwnListenerIsNoFallback() {
        selector.choose(address("10.0.0.100"), Transport.UDP);

        assertThat(fallbacks).isEmpty();
    }

    @Test
    void aKernelAddressNearNoListenerFallsBackToTheDefaultOfTheTransportAndFamily() {
        interfaces.put(address("10.0.0.5"), new LocalInterface("eth9", List.of(address("10.0.0.5")),
                List.of(IpNetwork.parse("10.0.0.5/32"))));

        assertThat(selector.choose(address("10.0.0.101"), Transport.UDP))
                .contains(choice("public", Reason.KERNEL_ROUTE_FALLBACK));
        assertThat(selector.choose(address("10.0.0.101"), Transport.TCP))
                .contains(choice("private-tcp", Reason.KERNEL_ROUTE_FALLBACK));
    }

    @Test
    void anIpv6KernelAddressThatIsNoListenerFallsBackToAnIpv6Listener() {
        assertThat(selector.choose(address("2001:db8::100"), Transport.UDP))
                .contains(choice("v6", Reason.KERNEL_ROUTE_FALLBACK));
    }

    @Test
    void theRealKernelSendsToTheIpv4LoopbackFromALoopbackAddress() {
        Optional<InetAddress> source = KernelRouteSelector.askKernel(address("127.0.0.1"));

        assertThat(source).hasValueSatisfying(local -> assertThat(local.isLoopbackAddress()).isTrue());
    }

    @Test
    void theRealKernelSendsToTheIpv6LoopbackFromALoopbackAddress() throws Exception {
        assumeThat(NetworkInterface.getByInetAddress(address("::1"))).as("IPv6 loopback configured").isNotNull();

        Optional<InetAddress> source = KernelRouteSelector.askKernel(address("::1"));

        assertThat(source).hasValueSatisfying(local -> assertThat(local.isLoopbackAddress()).isTrue());
    }

    private SocketChoice choice(String listener, Reason reason) {
        return new SocketChoice(listeners.named(listener).orElseThrow(), reason);
    }
}
