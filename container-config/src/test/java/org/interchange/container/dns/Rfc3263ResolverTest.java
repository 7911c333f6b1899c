package org.interchange.container.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.random.RandomGenerator;

import org.interchange.container.config.Transport;
import org.interchange.container.dns.DnsFailure.Kind;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NAPTRRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Type;

class Rfc3263ResolverTest {

    private static final Name DOMAIN = name("example.test.");
    private static final DnsSettings SETTINGS = new DnsSettings(List.of(new InetSocketAddress("127.0.0.1", 53)),
            Duration.ofMillis(100), Duration.ofMillis(300), 100, Duration.ofSeconds(60), 10, 4);
    /** For tests about what is cached, not about time: a first lookup on a cold JVM may take more than 300 ms. */
    private static final DnsSettings PATIENT = new DnsSettings(List.of(new InetSocketAddress("127.0.0.1", 53)),
            Duration.ofSeconds(5), Duration.ofSeconds(10), 100, Duration.ofSeconds(60), 10, 4);

    private final ZoneResolver zone = new ZoneResolver().with(
            naptr(DOMAIN, 10, 10, "SIP+D2T", "_sip._tcp.example.test."),
            naptr(DOMAIN, 20, 10, "SIP+D2U", "_sip._udp.example.test."),
            naptr(DOMAIN, 5, 10, "SIPS+D2T", "_sips._tcp.example.test."),
            srv("_sip._tcp.example.test.", 20, 0, 5071, "b.example.test."),
            srv("_sip._tcp.example.test.", 10, 0, 5070, "a.example.test."),
            srv("_sip._udp.example.test.", 10, 0, 5060, "a.example.test."),
            srv("_sips._tcp.example.test.", 10, 0, 5061, "a.example.test."),
            a("a.example.test.", "192.0.2.1"), a("b.example.test.", "192.0.2.2"),
            aaaa("b.example.test.", "2001:db8::2"),
            a("plain.test.", "192.0.2.9"),
            srv("_sip._tcp.srv-only.test.", 10, 0, 5080, "a.example.test."));

    @Test
    void naptrThenSrvGiveTheTransportsInOrderAndTheServersByPriority() {
        List<SipHop> hops = resolver(zone, Transport.UDP, Transport.TCP).locate(target("example.test")).join();

        assertThat(hops).extracting(SipHop::toString).containsExactly(
                "tcp:192.0.2.1:5070", "tcp:192.0.2.2:5071", "tcp:[2001:db8::2]:5071", "udp:192.0.2.1:5060");
    }

    @Test
    void naptrOfATransportWithoutListenerIsSkipped() {
        List<SipHop> hops = resolver(zone, Transport.UDP).locate(target("example.test")).join();

        assertThat(hops).extracting(SipHop::toString).containsExactly("udp:192.0.2.1:5060");
    }

    @Test
    void aSipsUriTakesOnlyTheSipsService() {
        SipTarget sips = new SipTarget("example.test", OptionalInt.empty(), Optional.empty(), true);

        List<SipHop> hops = resolver(zone, Transport.values()).locate(sips).join();

        assertThat(hops).extracting(SipHop::toString).containsExactly("tls:192.0.2.1:5061");
    }

    @Test
    void withoutNaptrTheSrvOfEachTransportIsAsked() {
        List<SipHop> hops = resolver(zone, Transport.UDP, Transport.TCP).locate(target("srv-only.test")).join();

        assertThat(hops).extracting(SipHop::toString).containsExactly("tcp:192.0.2.1:5080");
    }

    @Test
    void withoutNaptrAndSrvTheAddressIsTakenOnTheDefaultPort() {
        List<SipHop> hops = resolver(zone, Transport.UDP, Transport.TCP).locate(target("plain.test")).join();

        assertThat(hops).extracting(SipHop::toString).containsExactly("udp:192.0.2.9:5060");
    }

    @Test
    void aPortInTheUriMeansAnAddressLookupOnly() {
        SipTarget withPort = new SipTarget("example.test", OptionalInt.of(5099), Optional.of(Transport.TCP), false);
        ZoneResolver addresses = new ZoneResolver().with(a("example.test.", "192.0.2.7"));

        List<SipHop> hops = resolver(addresses, Transport.values()).locate(withPort).join();

        assertThat(hops).extracting(SipHop::toString).containsExactly("tcp:192.0.2.7:5099");
        assertThat(addresses.asked(DOMAIN, Type.NAPTR)).isZero();
    }

    @Test
    void aTransportWithoutPortMeansTheSrvOfThatTransport() {
        SipTarget udp = new SipTarget("example.test", OptionalInt.empty(), Optional.of(Transport.UDP), false);

        List<SipHop> hops = resolver(zone, Transport.values()).locate(udp).join();

        assertThat(hops).extracting(SipHop::toString).containsExactly("udp:192.0.2.1:5060");
        assertThat(zone.asked(DOMAIN, Type.NAPTR)).isZero();
    }

    @Test
    void aNumericHostIsNotLookedUp() {
        SipTarget numeric = new SipTarget("2001:db8::5", OptionalInt.empty(), Optional.empty(), true);

        assertThat(resolver(zone).locate(numeric).join()).extracting(SipHop::toString)
                .containsExactly("tls:[2001:db8::5]:5061");
        assertThat(zone.asked).isEmpty();
    }

    @Test
    void answersComeFromTheCacheTheSecondTime() {
        Rfc3263Resolver resolver = resolver(zone, Transport.UDP, Transport.TCP);
        resolver.locate(target("example.test")).join();

        resolver.locate(target("example.test")).join();

        assertThat(zone.asked(DOMAIN, Type.NAPTR)).isEqualTo(1);
        assertThat(zone.asked(name("a.example.test."), Type.A)).isEqualTo(1);
    }

    @Test
    void aCachedAnswerIsThereAtOnceSoThatNobodyWaitsForIt() {
        Rfc3263Resolver resolver = new Rfc3263Resolver(zone.answeringFromAnotherThread(), PATIENT,
                List.of(Transport.UDP, Transport.TCP), Clock.systemUTC(), RandomGenerator.getDefault());
        resolver.locate(target("example.test")).join();
        int asked = zone.asked.size();

        assertThat(resolver.locate(target("example.test"))).isCompleted();
        assertThat(zone.asked).hasSize(asked); // an empty answer (no AAAA for a.example.test) is remembered too
    }

    @Test
    void aNameThatDoesNotExistIsNotFoundAndRemembered() {
        Rfc3263Resolver resolver = resolver(zone, Transport.UDP);

        assertThat(failure(resolver.locate(target("nowhere.test")))).isEqualTo(Kind.NOT_FOUND);
        assertThat(failure(resolver.locate(target("nowhere.test")))).isEqualTo(Kind.NOT_FOUND);

        assertThat(zone.asked(name("nowhere.test."), Type.A)).isEqualTo(1);
    }

    @Test
    void aServerThatDoesNotAnswerFailsWithinTheBudgetAndTheFailureIsRemembered() {
        zone.silent(name("silent.test."));
        Rfc3263Resolver resolver = resolver(zone, Transport.UDP);

        assertThat(failure(resolver.locate(target("silent.test")))).isEqualTo(Kind.UNAVAILABLE);
        CompletableFuture<List<SipHop>> again = resolver.locate(target("silent.test"));

        assertThat(again).isCompletedExceptionally(); // at once, from the cache of failures
        assertThat(zone.asked(name("silent.test."), Type.NAPTR)).isEqualTo(1);
    }

    @Test
    void concurrentLookupsOfOneNameShareOneQuery() {
        zone.silent(name("silent.test."));
        Rfc3263Resolver resolver = resolver(zone, Transport.UDP);

        CompletableFuture<List<SipHop>> first = resolver.locate(target("silent.test"));
        CompletableFuture<List<SipHop>> second = resolver.locate(target("silent.test"));

        assertThat(failure(first)).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure(second)).isEqualTo(Kind.UNAVAILABLE);
        assertThat(zone.asked(name("silent.test."), Type.NAPTR)).isEqualTo(1);
    }

    @Test
    void beyondTheLookupsInFlightANewOneFailsAtOnce() {
        zone.silent(name("silent.test.")).silent(name("quiet.test."));
        DnsSettings oneAtATime = new DnsSettings(SETTINGS.servers(), SETTINGS.queryTimeout(), SETTINGS.budget(),
                100, SETTINGS.negativeTtl(), 1, 4);
        Rfc3263Resolver resolver = new Rfc3263Resolver(zone, oneAtATime, List.of(Transport.UDP), Clock.systemUTC(),
                RandomGenerator.getDefault());

        CompletableFuture<List<SipHop>> pending = resolver.locate(target("silent.test"));
        CompletableFuture<List<SipHop>> refused = resolver.locate(target("quiet.test"));

        assertThat(refused).isCompletedExceptionally();
        assertThat(zone.asked(name("quiet.test."), Type.NAPTR)).isZero();
        assertThat(failure(pending)).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void beyondTheThreadsAllowedToWaitARequestFailsAtOnceWhileItsLookupGoesOn() {
        zone.silent(name("silent.test.")).silent(name("quiet.test."));
        DnsSettings oneWaiter = new DnsSettings(SETTINGS.servers(), SETTINGS.queryTimeout(), Duration.ofSeconds(2),
                100, SETTINGS.negativeTtl(), 10, 1);
        Rfc3263Resolver resolver = new Rfc3263Resolver(zone, oneWaiter, List.of(Transport.UDP), Clock.systemUTC(),
                RandomGenerator.getDefault());
        CompletableFuture<List<SipHop>> waiting = CompletableFuture.supplyAsync(
                () -> resolver.await(target("silent.test")));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (resolver.waitingThreads() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }

        assertThatThrownBy(() -> resolver.await(target("quiet.test"))).isInstanceOf(DnsFailure.class)
                .extracting(e -> ((DnsFailure) e).kind()).isEqualTo(Kind.UNAVAILABLE);

        assertThat(waiting).as("the first waiter still waits: the second did not").isNotDone();
        assertThat(zone.asked(name("quiet.test."), Type.NAPTR)).as("its lookup was started").isEqualTo(1);
        assertThat(failure(waiting)).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void aResolverOnTheWireThatSwallowsQueriesFailsWithinTheBudget() throws Exception {
        try (DatagramSocket swallower = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            DnsSettings settings = new DnsSettings(List.of((InetSocketAddress) swallower.getLocalSocketAddress()),
                    Duration.ofMillis(100), Duration.ofMillis(300), 100, Duration.ofSeconds(60), 10, 4);
            Rfc3263Resolver resolver = Rfc3263Resolver.create(settings, List.of(Transport.UDP));

            assertThat(failure(resolver.locate(target("example.test")))).isEqualTo(Kind.UNAVAILABLE);
        }
    }

    @Test
    void srvRecordsAreOrderedByPriorityThenPickedByWeight() {
        SRVRecord heavy = srv("_sip._udp.w.test.", 10, 90, 1, "heavy.test.");
        SRVRecord light = srv("_sip._udp.w.test.", 10, 10, 2, "light.test.");
        SRVRecord backup = srv("_sip._udp.w.test.", 20, 100, 3, "backup.test.");

        // the running sums are light 10, heavy 100: a pick of 50 falls on heavy, then light is the only one left
        assertThat(Rfc3263Resolver.order(List.of(backup, light, heavy), fixed(50)))
                .containsExactly(heavy, light, backup);
        assertThat(Rfc3263Resolver.order(List.of(backup, light, heavy), fixed(5)))
                .containsExactly(light, heavy, backup);
    }

    private static Kind failure(CompletableFuture<List<SipHop>> located) {
        assertThatThrownBy(located::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(DnsFailure.class);
        return ((DnsFailure) located.handle((hops, error) -> error.getCause()).join()).kind();
    }

    private static Rfc3263Resolver resolver(ZoneResolver zone, Transport... supported) {
        return new Rfc3263Resolver(zone, SETTINGS, List.of(supported), Clock.systemUTC(), RandomGenerator.getDefault());
    }

    private static SipTarget target(String host) {
        return new SipTarget(host, OptionalInt.empty(), Optional.empty(), false);
    }

    private static RandomGenerator fixed(int value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return value;
            }

            @Override
            public int nextInt(int bound) {
                return Math.min(value, bound - 1);
            }
        };
    }

    static Name name(String text) {
        return Name.fromConstantString(text);
    }

    private static NAPTRRecord naptr(Name owner, int order, int preference, String service, String replacement) {
        return new NAPTRRecord(owner, DClass.IN, 300, order, preference, "S", service, "", name(replacement));
    }

    private static SRVRecord srv(String owner, int priority, int weight, int port, String target) {
        return new SRVRecord(name(owner), DClass.IN, 300, priority, weight, port, name(target));
    }

    private static ARecord a(String owner, String address) {
        return new ARecord(name(owner), DClass.IN, 300, address(address));
    }

    private static AAAARecord aaaa(String owner, String address) {
        return new AAAARecord(name(owner), DClass.IN, 300, address(address));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
