package org.interchange.it.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.dns.TestDnsServer;
import org.interchange.it.support.sip.IncomingRequest;
import org.interchange.it.support.sip.IpFamily;
import org.interchange.it.support.sip.Received;
import org.interchange.it.support.sip.SentRequest;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.Transport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NAPTRRecord;
import org.xbill.DNS.SRVRecord;

/**
 * A call to {@code sip:bob@<domain>} reaches the server the domain's DNS names (RFC 3263): NAPTR gives the transport,
 * SRV the servers by priority, A their addresses; when the first server refuses the connection or answers 503, the
 * next one gets the request (RFC 3263 4.3). A domain whose DNS never answers costs its callers a 503 within {@code dns.budget}, and nobody else
 * anything: OPTIONS and calls between registered users go on meanwhile, and the next request to that domain is
 * answered from the cached failure; beyond {@code dns.max-waiting} requests waiting at once, the next one is answered
 * 503 at once. OpenSIPS does the same with {@code dns_try_naptr} and its {@code dns_cache}
 * module's negative caching, and fails over with {@code t_relay} after a transport error or a 503.
 *
 * <p>The router {@code dns} asks only {@link TestDnsServer}, on 127.0.0.35 at the router's SIP port; every test uses
 * domains of its own, since the router caches what it learns.
 */
@ExtendWith(ArquillianExtension.class)
class DnsRoutingIT {

    private static final AtomicInteger domains = new AtomicInteger();

    @Deployment(testable = false)
    @TargetsContainer("dns")
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    @Test
    void aCallFollowsNaptrAndSrvToTheServerAndTransportTheDomainNames() {
        String domain = newDomain("naptr");
        try (TestDnsServer dns = dnsServer();
             SipAgent caller = router.agent(Transport.UDP);
             SipAgent bob = router.agent(Transport.TCP)) {
            dns.serve(naptr(domain, 10, "SIP+D2T", "_sip._tcp." + domain),
                    naptr(domain, 20, "SIP+D2U", "_sip._udp." + domain),
                    srv("_sip._tcp." + domain, 10, bob.address().getPort(), "bob." + domain),
                    srv("_sip._udp." + domain, 10, 9, "nobody." + domain),
                    a("bob." + domain));

            SentRequest invite = caller.send(caller.invite("sip:bob@" + domain));
            IncomingRequest arrived = bob.awaitRequest("INVITE");
            arrived.reply(486);

            assertThat(arrived.request().transport()).as("NAPTR's first choice").isEqualTo(Transport.TCP);
            assertThat(router.isSourceOf(arrived.request())).isTrue();
            assertThat(invite.awaitFinalResponse().status()).isEqualTo(486);
        }
    }

    @Test
    void whenTheFirstServerRefusesTheConnectionTheNextOneGetsTheRequest() {
        String domain = newDomain("failover");
        try (TestDnsServer dns = dnsServer();
             SipAgent caller = router.agent(Transport.UDP);
             SipAgent bob = router.agent(Transport.TCP)) {
            dns.serve(srv("_sip._tcp." + domain, 10, portWhereNothingListens(), "down." + domain),
                    srv("_sip._tcp." + domain, 20, bob.address().getPort(), "bob." + domain),
                    a("down." + domain), a("bob." + domain));

            SentRequest invite = caller.send(caller.invite("sip:bob@" + domain + ";transport=tcp"));
            IncomingRequest arrived = bob.awaitRequest("INVITE");
            arrived.reply(486);

            assertThat(router.isSourceOf(arrived.request())).isTrue();
            assertThat(invite.awaitFinalResponse().status()).isEqualTo(486);
        }
    }

    @Test
    void whenTheFirstServerAnswers503TheNextOneGetsTheRequest() {
        String domain = newDomain("overloaded");
        try (TestDnsServer dns = dnsServer();
             SipAgent caller = router.agent(Transport.UDP);
             SipAgent overloaded = router.agent(Transport.UDP);
             SipAgent bob = router.agent(Transport.UDP)) {
            dns.serve(srv("_sip._udp." + domain, 10, overloaded.address().getPort(), "overloaded." + domain),
                    srv("_sip._udp." + domain, 20, bob.address().getPort(), "bob." + domain),
                    a("overloaded." + domain), a("bob." + domain));

            SentRequest invite = caller.send(caller.invite("sip:bob@" + domain));
            overloaded.awaitRequest("INVITE").reply(503);
            IncomingRequest arrived = bob.awaitRequest("INVITE");
            arrived.reply(486);

            assertThat(invite.awaitFinalResponse().status()).as("bob's answer, not the 503").isEqualTo(486);
            assertThat(router.isSourceOf(arrived.request())).isTrue();
        }
    }

    @Test
    void requestsToADomainWhoseDnsNeverAnswersGet503WhileOtherCallsGoOn() {
        String silent = newDomain("silent");
        try (TestDnsServer dns = dnsServer().silence(silent);
             SipAgent alice = router.registeredAgent(Transport.UDP, "alice");
             SipAgent bob = router.registeredAgent(Transport.UDP, "bob");
             SipAgent first = router.agent(Transport.UDP);
             SipAgent second = router.agent(Transport.UDP);
             SipAgent third = router.agent(Transport.UDP);
             SipAgent probe = router.agent(Transport.UDP)) {
            List<SentRequest> pending = List.of(
                    first.send(first.invite("sip:carol@a." + silent)),
                    second.send(second.invite("sip:carol@a." + silent)), // the same name: one query for both
                    third.send(third.invite("sip:dave@b." + silent)));

            Received options = probe.send(probe.request("OPTIONS", router.uri(Transport.UDP, IpFamily.IPV4)))
                    .awaitFinalResponse();
            SentRequest call = alice.send(alice.invite(bob.subscriber().uri()));
            IncomingRequest ringing = bob.awaitRequest("INVITE");
            ringing.reply(486);
            assertThat(options.status()).isEqualTo(200);
            assertThat(call.awaitFinalResponse().status()).isEqualTo(486);
            assertThat(List.of(first, second, third)).as("answered while the lookups were pending")
                    .allMatch(agent -> agent.poll(r -> !r.isRequest() && r.isFinal(), Duration.ZERO).isEmpty());

            for (SentRequest invite : pending) {
                Received unavailable = invite.awaitFinalResponse();
                assertThat(unavailable.status()).isEqualTo(503);
                assertThat(unavailable.header("Retry-After")).isPresent();
            }
            Received again = first.send(first.invite("sip:carol@a." + silent)).awaitFinalResponse();

            assertThat(again.status()).isEqualTo(503);
            assertThat(dns.asked("a." + silent, "NAPTR")).as("the failure was cached").isEqualTo(1);
        }
    }

    @Test
    void beyondTheRequestsAllowedToWaitForDnsTheNextGets503AtOnce() {
        String silent = newDomain("crowd");
        int allowed = Integer.parseInt(router.setting("dns.max-waiting"));
        try (TestDnsServer dns = dnsServer().silence(silent);
             SipAgent latecomer = router.agent(Transport.UDP)) {
            List<SipAgent> waiting = new ArrayList<>();
            try {
                for (int i = 0; i < allowed; i++) {
                    SipAgent caller = router.agent(Transport.UDP);
                    waiting.add(caller);
                    caller.send(caller.invite("sip:carol@n" + i + "." + silent));
                }
                await().atMost(SipAgent.WAIT).until(() -> IntStream.range(0, allowed)
                        .allMatch(i -> dns.asked("n" + i + "." + silent, "NAPTR") == 1));

                Received rejected = latecomer.send(latecomer.invite("sip:carol@late." + silent)).awaitFinalResponse();

                assertThat(rejected.status()).isEqualTo(503);
                assertThat(waiting).as("still waiting for DNS when the latecomer was answered")
                        .allMatch(agent -> agent.poll(r -> !r.isRequest() && r.isFinal(), Duration.ZERO).isEmpty());
                for (SipAgent agent : waiting) {
                    assertThat(agent.awaitResponse("its answer after dns.budget", Received::isFinal).status())
                            .isEqualTo(503);
                }
            } finally {
                waiting.forEach(SipAgent::close);
            }
        }
    }

    private TestDnsServer dnsServer() {
        return TestDnsServer.listen(new InetSocketAddress("127.0.0.35", router.sipAddress(Transport.UDP).getPort()));
    }

    private static String newDomain(String purpose) {
        return purpose + "-" + ProcessHandle.current().pid() + "-" + domains.incrementAndGet() + ".test";
    }

    private static int portWhereNothingListens() {
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return closed.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NAPTRRecord naptr(String owner, int order, String service, String replacement) {
        return new NAPTRRecord(TestDnsServer.name(owner), DClass.IN, TestDnsServer.TTL, order, 10, "S", service, "",
                TestDnsServer.name(replacement));
    }

    private static SRVRecord srv(String owner, int priority, int port, String target) {
        return new SRVRecord(TestDnsServer.name(owner), DClass.IN, TestDnsServer.TTL, priority, 0, port,
                TestDnsServer.name(target));
    }

    private static ARecord a(String owner) {
        return new ARecord(TestDnsServer.name(owner), DClass.IN, TestDnsServer.TTL, InetAddress.getLoopbackAddress());
    }
}
