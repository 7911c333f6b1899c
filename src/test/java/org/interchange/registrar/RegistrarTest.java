package org.interchange.registrar;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.interchange.RouterBeans;
import org.interchange.auth.DigestClient;
import org.interchange.core.Beans;
import org.interchange.core.ManualScheduler;
import org.interchange.core.TestClock;
import org.interchange.core.persistence.InvalidDataException;
import org.interchange.core.persistence.OnEveryDatabase;
import org.interchange.core.persistence.TestDatabase;
import org.interchange.core.persistence.TestDatabase.StoppableDatabase;
import org.interchange.core.sip.Aor;
import org.interchange.core.sip.InboundRequest;
import org.interchange.core.sip.Reply;
import org.interchange.core.sip.Reply.SipHeader;
import org.interchange.core.sip.SipRequests;
import org.interchange.location.Binding;
import org.interchange.location.Location;
import org.interchange.location.LocationSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** REGISTER handling (RFC 3261 10.3) over real location, subscribers, domains and authentication. */
class RegistrarTest {

    private static final Aor ALICE = Aor.parse("alice@example.com");
    private static final RegistrarSettings SETTINGS = new RegistrarSettings(60, 3600, 3600, 3);
    private static final LocationSettings WRITE_BEHIND = new LocationSettings(Duration.ofSeconds(60),
            LocationSettings.DbMode.WRITE_BEHIND, Duration.ofSeconds(1));

    @TempDir
    Path directory;

    private final TestClock clock = TestClock.at("2026-11-22T10:00:00Z");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @OnEveryDatabase
    void contactIsBoundWithWhatTheRequestTells(TestDatabase server) {
        RouterBeans beans = beans(server, false);

        Reply reply = process(registrar(beans), register(1,
                "Contact: <sip:alice@198.51.100.7:5060>",
                "User-Agent: Phone/1.0")).orElseThrow();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(values(reply, "Contact")).containsExactly("<sip:alice@198.51.100.7:5060>;expires=3600;q=1.0");
        assertThat(values(reply, "Date")).containsExactly("Sun, 22 Nov 2026 10:00:00 GMT");
        assertThat(beans.location().lookup(ALICE)).singleElement().satisfies(binding -> {
            assertThat(binding.contact()).isEqualTo("sip:alice@198.51.100.7:5060");
            assertThat(binding.expires()).isEqualTo(clock.instant().plusSeconds(3600));
            assertThat(binding.received()).hasValue(SipRequests.USER_AGENT);
            assertThat(binding.socket()).hasValue(SipRequests.LISTENER);
            assertThat(binding.userAgent()).isEqualTo("Phone/1.0");
            assertThat(binding.callId()).isEqualTo("reg-1@198.51.100.7");
            assertThat(binding.cseq()).isEqualTo(1);
        });
    }

    @OnEveryDatabase
    void acceptedAndRejectedRegistrationsAreCounted(TestDatabase server) {
        Registrar registrar = registrar(beans(server, false));

        process(registrar, register(1, "Contact: <sip:alice@198.51.100.7:5060>"));
        Reply tooBrief = process(registrar, register(2, "Contact: <sip:alice@198.51.100.7:5060>", "Expires: 10"))
                .orElseThrow();

        assertThat(tooBrief.status()).isEqualTo(423);
        assertThat(meters.counter("interchange.registrar.accepted_regs").count()).isEqualTo(1);
        assertThat(meters.counter("interchange.registrar.rejected_regs").count()).isEqualTo(1);
    }

    @OnEveryDatabase
    void refreshReplacesTheExpiryOfTheSameContact(TestDatabase server) {
        RouterBeans beans = beans(server, false);
        Registrar registrar = registrar(beans);
        process(registrar, register(1, "Contact: <sip:alice@198.51.100.7:5060>"));
        long id = beans.location().lookup(ALICE).get(0).id();
        clock.advanceSeconds(100);

        Reply reply = process(registrar, register(2, "Contact: <sip:alice@198.51.100.7:5060>", "Expires: 600"))
                .orElseThrow();

        assertThat(values(reply, "Contact")).containsExactly("<sip:alice@198.51.100.7:5060>;expires=600;q=1.0");
        assertThat(beans.location().lookup(ALICE)).singleElement().satisfies(binding -> {
            assertThat(binding.id()).isEqualTo(id);
            assertThat(binding.expires()).isEqualTo(clock.instant().plusSeconds(600));
        });
    }

    @OnEveryDatabase
    void contactWithExpiresZeroIsRemoved(TestDatabase server) {
        RouterBeans beans = beans(server, false);
        Registrar registrar = registrar(beans);
        process(registrar, register(1, "Contact: <sip:alice@198.51.100.7:5060>", "Contact: <sip:alice@198.51.100.8>"));

        Reply reply = process(registrar, register(2, "Contact: <sip:alice@198.51.100.7:5060>;expires=0"))
                .orElseThrow();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(values(reply, "Contact")).containsExactly("<sip:alice@198.51.100.8>;expires=3600;q=1.0");
        assertThat(beans.location().lookup(ALICE)).extracting(Binding::contact).containsExactly("sip:alice@198.51.100.8");
    }

    @OnEveryDatabase
    void wildcardWithExpiresZeroRemovesEveryBinding(TestDatabase server) {
        RouterBeans beans = beans(server, false);
        Registrar registrar = registrar(beans);
        process(registrar, register(1, "Contact: <sip:alice@198.51.100.7:5060>", "Contact: <sip:alice@198.51.100.8>"));

        Reply reply = process(registrar, register(2, "Contact: *", "Expires: 0")).orElseThrow();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(values(reply, "Contact")).isEmpty();
        assertThat(beans.location().lookup(ALICE)).isEmpty();
    }

    @OnEveryDatabase
    void wildcardNeedsExpiresZeroAndNoOtherContact(TestDatabase server) {
        RouterBeans beans = beans(server, false);
        Registrar registrar = registrar(beans);
        process(registrar, register(1, "Contact: <sip:alice@198.51.100.7:5060>"));

        assertThat(process(registrar, register(2, "Contact: *")).orElseThrow().status()).isEqualTo(400);
        assertThat(process(registrar, register(3, "Contact: *", "Contact: <sip:alice@198.51.100.8>", "Expires: 0"))
                .orElseThrow().status()).isEqualTo(400);
        assertThat(beans.location().lookup(ALICE)).hasSize(1);
    }

    @OnEveryDatabase
    void contactExpiresWinsOverTheExpiresHeaderWhichWinsOverTheDefault(TestDatabase server) {
        RouterBeans beans = beans(server, false);

        Reply withHeader = process(registrar(beans), register(1,
                "Contact: <sip:alice@198.51.100.7>;expires=120",
                "Contact: <sip:alice@198.51.100.8>",
                "Expires: 600")).orElseThrow();
        Reply withoutHeader = process(registrar(beans), register(2, "Contact: <sip:alice@198.51.100.9>"))
                .orElseThrow();

        assertThat(values(withHeader, "Contact")).containsExactlyInAnyOrder(
                "<sip:alice@198.51.100.7>;expires=120;q=1.0",
                "<sip:alice@198.51.100.8>;expires=600;q=1.0");
        assertThat(values(withoutHeader, "Contact")).contains("<sip:alice@198.51.100.9>;expires=3600;q=1.0");
    }

    @OnEveryDatabase
    void tooBriefIntervalIs423WithMinExpires(TestDatabase server) {
        RouterBeans beans = beans(server, false);

        Reply reply = process(registrar(beans), register(1, "Contact: <sip:alice@198.51.100.7>;expires=30"))
                .orElseThrow();

        assertThat(reply.status()).isEqualTo(423);
        assertThat(reply.headers()).containsExactly(new SipHeader("Min-Expires", "60"));
        assertThat(beans.location().lookup(ALICE)).isEmpty();
    }

    @OnEveryDatabase
    void longIntervalIsCutToTheMaximum(TestDatabase server) {
        RouterBeans beans = beans(server, false);

        Reply reply = process(registrar(beans), register(1, "Contact: <sip:alice@198.51.100.7>", "Expires: 7200"))
                .orElseThrow();

        assertThat(values(reply, "Contact")).containsExactly("<sip:alice@198.51.100.7>;expires=3600;q=1.0");
    }

    @OnEveryDatabase
    void contactsBeyondTheLimitAre503AndChangeNothing(TestDatabase server) {
        RouterBeans beans = beans(server, false);
        Registrar registrar = registrar(beans);
        process(registrar, register(1, "Contact: <sip:alice@198.51.100.1>", "Contact: <sip:alice@198.51.100.2>"));

        Reply reply = process(registrar, register(2,
                "Contact: <sip:alice@198.51.100.3>", "Contact: <sip:alice@198.51.100.4>")).orElseThrow();

        assertThat(reply.status()).isEqualTo(503);
        assertThat(beans.location().lookup(ALICE)).extracting(Binding::contact)
                .containsExactlyInAnyOrder("sip:alice@198.51.100.1", "sip:alice@198.51.100.2");
    }

    @OnEveryDatabase
    void qValuesAreKeptAndEchoed(TestDatabase server) {
        RouterBeans beans = beans(server, false);

        Reply reply = process(registrar(beans), register(1,
                "Contact: <sip:alice@198.51.100.1>;q=0.5",
                "Contact: <sip:alice@198.51.100.2>;q=0.25",
                "Contact: <sip:alice@198.51.100.3>;q=1")).orElseThrow();

        assertThat(values(reply, "Contact")).containsExactly(
                "<sip:alice@198.51.100.3>;expires=3600;q=1.0",
                "<sip:alice@198.51.100.1>;expires=3600;q=0.5",
                "<sip:alice@198.51.100.2>;expires=3600;q=0.25");
    }

    @OnEveryDatabase
    void qValueOutsideZeroToOneIs400(TestDatabase server) {
        RouterBeans beans = beans(server, false);

        Reply reply = process(registrar(beans), register(1, "Contact: <sip:alice@198.51.100.1>;q=1.5")).orElseThrow();

        assertThat(reply.status()).isEqualTo(400);
    }

    @OnEveryDatabase
    void olderOrRepeatedCSeqOfTheSameCallIdIs400(TestDatabase server) {
        RouterBeans beans = beans(server, false);
        Registrar registrar = registrar(beans);
        process(registrar, register(5, "Contact: <sip:alice@198.51.100.7>", "Expires: 600"));

        Reply older = process(registrar, register(4, "Contact: <sip:alice@198.51.100.7>", "Expires: 0")).orElseThrow();
        Reply repeated = process(registrar, register(5, "Contact: <sip:alice@198.51.100.7>")).orElseThrow();

        assertThat(older).isEqualTo(Reply.of(400, "Invalid CSeq number"));
        assertThat(repeated).isEqualTo(Reply.of(400, "Invalid CSeq number"));
        assertThat(beans.location().lookup(ALICE)).singleElement()
                .satisfies(binding -> assertThat(binding.cseq()).isEqualTo(5));
    }

    @OnEveryDatabase
    void anotherCallIdMayChangeTheBindingWithAnyCSeq(TestDatabase server) {
        RouterBeans beans = beans(server, false);
        Registrar registrar = registrar(beans);
        process(registrar, register(5, "Contact: <sip:alice@198.51.100.7>"));

        Reply reply = process(registrar, SipRequests.parse("""
                REGISTER sip:example.com SIP/2.0
                From: <sip:alice@example.com>;tag=b2
                To: <sip:alice@example.com>
                Call-ID: other-phone
                CSeq: 1 REGISTER
                Contact: <sip:alice@198.51.100.7>;expires=0
                """)).orElseThrow();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(beans.location().lookup(ALICE)).isEmpty();
    }

    @OnEveryDatabase
    void registerWithoutContactListsTheBindings(TestDatabase server) {
        RouterBeans beans = beans(server, false);
        Registrar registrar = registrar(beans);
        process(registrar, register(1, "Contact: <sip:alice@198.51.100.7>"));
        clock.advanceSeconds(600);

        Reply reply = process(registrar, register(2)).orElseThrow();

        assertThat(values(reply, "Contact")).containsExactly("<sip:alice@198.51.100.7>;expires=3000;q=1.0");
    }

    @OnEveryDatabase
    void pathIsStoredAndEchoedWhenSupported(TestDatabase server) {
        RouterBeans beans = beans(server, false);

        Reply reply = process(registrar(beans), register(1,
                "Contact: <sip:alice@198.51.100.7>",
                "Path: <sip:edge.example.net;lr>",
                "Supported: path",
                "Require: path")).orElseThrow();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(values(reply, "Path")).containsExactly("<sip:edge.example.net;lr>");
        assertThat(beans.location().lookup(ALICE).get(0).path()).containsExactly("<sip:edge.example.net;lr>");
    }

    @OnEveryDatabase
    void unknownRequiredExtensionIs420(TestDatabase server) {
        RouterBeans beans = beans(server, false);

        Reply reply = process(registrar(beans), register(1,
                "Contact: <sip:alice@198.51.100.7>", "Require: foo", "Require: path")).orElseThrow();

        assertThat(reply).isEqualTo(Reply.of(420, "Bad Extension").with("Unsupported", "foo"));
        assertThat(beans.location().lookup(ALICE)).isEmpty();
    }

    @OnEveryDatabase
    void aliasInTheAddressOfRecordStandsForTheDefaultDomain(TestDatabase server) {
        RouterBeans beans = beans(server, false);

        Reply reply = process(registrar(beans), SipRequests.parse("""
                REGISTER sip:127.0.0.1 SIP/2.0
                From: <sip:alice@127.0.0.1>;tag=a1
                To: <sip:alice@127.0.0.1>
                Call-ID: reg-alias
                CSeq: 1 REGISTER
                Contact: <sip:alice@198.51.100.7>
                """)).orElseThrow();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(beans.location().lookup(ALICE)).hasSize(1);
    }

    @OnEveryDatabase
    void registerForADomainWeDoNotServeIsLeftToTheProxy(TestDatabase server) {
        RouterBeans beans = beans(server, true);

        Optional<Reply> reply = process(registrar(beans), SipRequests.parse("""
                REGISTER sip:example.org SIP/2.0
                From: <sip:carol@example.org>;tag=c1
                To: <sip:carol@example.org>
                Call-ID: reg-foreign
                CSeq: 1 REGISTER
                Contact: <sip:carol@198.51.100.9>
                """));

        assertThat(reply).isEmpty();
    }

    @OnEveryDatabase
    void requestUriOfAnotherSchemeIs416(TestDatabase server) {
        RouterBeans beans = beans(server, false);

        Optional<Reply> reply = process(registrar(beans), SipRequests.parse("""
                REGISTER tel:+15551234567 SIP/2.0
                To: <sip:alice@example.com>
                """));

        assertThat(reply).hasValue(Reply.of(416, "Unsupported URI Scheme"));
    }

    @OnEveryDatabase
    void malformedContactIs400(TestDatabase server) {
        RouterBeans beans = beans(server, false);

        Reply reply = process(registrar(beans), register(1, "Contact: <sip:alice@198.51.100.7")).orElseThrow();

        assertThat(reply.status()).isEqualTo(400);
    }

    @OnEveryDatabase
    void registerWithoutCredentialsIsChallenged(TestDatabase server) {
        RouterBeans beans = beans(server, true);
        beans.subscribers().save(ALICE, "wonderland");

        Reply reply = process(registrar(beans), register(1, "Contact: <sip:alice@198.51.100.7>")).orElseThrow();

        assertThat(reply.status()).isEqualTo(401);
        assertThat(values(reply, "WWW-Authenticate")).hasSize(2);
        assertThat(beans.location().lookup(ALICE)).isEmpty();
    }

    @OnEveryDatabase
    void registerWithTheUsersCredentialsIsAccepted(TestDatabase server) {
        RouterBeans beans = beans(server, true);
        beans.subscribers().save(ALICE, "wonderland");
        Registrar registrar = registrar(beans);
        Reply challenge = process(registrar, register(1, "Contact: <sip:alice@198.51.100.7>")).orElseThrow();

        Reply reply = process(registrar, register(2, "Contact: <sip:alice@198.51.100.7>", "Authorization: "
                + new DigestClient("alice", "wonderland").answer(challenge, "REGISTER", "sip:example.com"))).orElseThrow();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(beans.location().lookup(ALICE)).hasSize(1);
    }

    @OnEveryDatabase
    void credentialsOfAnotherUserAre403(TestDatabase server) {
        RouterBeans beans = beans(server, true);
        beans.subscribers().save(ALICE, "wonderland");
        beans.subscribers().save(Aor.parse("bob@example.com"), "builder");
        Registrar registrar = registrar(beans);
        Reply challenge = process(registrar, register(1, "Contact: <sip:bob@198.51.100.7>")).orElseThrow();

        Reply reply = process(registrar, register(2, "Contact: <sip:bob@198.51.100.7>", "Authorization: "
                + new DigestClient("bob", "builder").answer(challenge, "REGISTER", "sip:example.com"))).orElseThrow();

        assertThat(reply).isEqualTo(Reply.of(403, "Forbidden (credentials of another user)"));
        assertThat(beans.location().lookup(ALICE)).isEmpty();
    }

    @OnEveryDatabase
    void addressOfRecordOfAnotherDomainIs404(TestDatabase server) {
        RouterBeans beans = beans(server, true);
        beans.subscribers().save(ALICE, "wonderland");
        Registrar registrar = registrar(beans);
        String foreign = """
                REGISTER sip:example.com SIP/2.0
                From: <sip:alice@example.org>;tag=a1
                To: <sip:alice@example.org>
                Call-ID: reg-404
                CSeq: %d REGISTER
                Contact: <sip:alice@198.51.100.7>
                """;
        Reply challenge = process(registrar, parse(foreign.formatted(1))).orElseThrow();
        String credentials = new DigestClient("alice", "wonderland").answer(challenge, "REGISTER", "sip:example.com");

        Reply reply = process(registrar, parse(foreign.formatted(2), "Authorization: " + credentials)).orElseThrow();

        assertThat(reply).isEqualTo(Reply.of(404, "Not Found (no such address-of-record here)"));
    }

    @Test
    void writingThroughLeavesTheBindingsToTheQueueAndWritesThemBeforeThe200() {
        RouterBeans beans = beans(TestDatabase.H2, false);
        Registrar registrar = registrar(beans);

        Registrar.Admission admission = registrar.admit(register(1, "Contact: <sip:alice@198.51.100.7>"));

        assertThat(admission).isInstanceOf(Registrar.Accepted.class);
        assertThat(beans.location().lookup(ALICE)).isEmpty();
        assertThat(registrar.store((Registrar.Accepted) admission).status()).isEqualTo(200);
        assertThat(restartedLocation(TestDatabase.H2).lookup(ALICE)).extracting(Binding::contact)
                .containsExactly("sip:alice@198.51.100.7");
    }

    @Test
    void writingBehindAnswersThe200AtAdmissionWithoutTheDatabase() {
        StoppableDatabase database = TestDatabase.ownH2();
        RouterBeans beans = RouterBeans.over(database.database(), directory, clock,
                RouterBeans.auth(false, Set.of("INVITE"), List.of()), WRITE_BEHIND);
        database.stop();

        Registrar.Admission admission = registrar(beans).admit(register(1, "Contact: <sip:alice@198.51.100.7>"));

        assertThat(admission).isInstanceOfSatisfying(Registrar.Answer.class, answer -> {
            assertThat(answer.reply().status()).isEqualTo(200);
            assertThat(values(answer.reply(), "Contact")).containsExactly("<sip:alice@198.51.100.7>;expires=3600;q=1.0");
        });
        assertThat(beans.location().lookup(ALICE)).extracting(Binding::contact)
                .containsExactly("sip:alice@198.51.100.7");
    }

    @Test
    void writingBehindStillRefusesAValueWiderThanItsColumn() {
        RouterBeans beans = RouterBeans.over(TestDatabase.H2.empty(), directory, clock,
                RouterBeans.auth(false, Set.of("INVITE"), List.of()), WRITE_BEHIND);
        InboundRequest longCallId = parse("""
                REGISTER sip:example.com SIP/2.0
                From: <sip:alice@example.com>;tag=a1
                To: <sip:alice@example.com>
                Call-ID: %s
                CSeq: 1 REGISTER
                Contact: <sip:alice@198.51.100.7>
                """.formatted("c".repeat(256)));

        assertThatThrownBy(() -> registrar(beans).admit(longCallId)).isInstanceOf(InvalidDataException.class)
                .hasMessage("Call-ID too long (at most 255 characters)");
        assertThat(beans.location().lookup(ALICE)).isEmpty();
    }

    private Location restartedLocation(TestDatabase server) {
        return Beans.constructed(new Location(server.database(), clock, new ManualScheduler(),
                RouterBeans.WRITE_THROUGH));
    }

    private RouterBeans beans(TestDatabase server, boolean authenticateRegister) {
        return RouterBeans.over(server.empty(), directory, clock,
                RouterBeans.auth(authenticateRegister, Set.of("INVITE"), List.of()));
    }

    private Registrar registrar(RouterBeans beans) {
        return new Registrar(beans.domains(), beans.authenticator(), beans.location(), SETTINGS, clock,
                new RegistrarStats(meters));
    }

    /** A REGISTER of alice's phone (Call-ID reg-1@198.51.100.7) with the given CSeq and header field lines. */
    private static InboundRequest register(long cseq, String... fields) {
        return parse("""
                REGISTER sip:example.com SIP/2.0
                From: <sip:alice@example.com>;tag=a1
                To: <sip:alice@example.com>
                Call-ID: reg-1@198.51.100.7
                CSeq: %d REGISTER
                """.formatted(cseq), fields);
    }

    /** A request with more header field lines. */
    private static InboundRequest parse(String request, String... fields) {
        return SipRequests.parse(request + String.join("\n", fields));
    }

    private static List<String> values(Reply reply, String name) {
        return reply.headers().stream().filter(header -> header.name().equals(name)).map(SipHeader::value).toList();
    }

    /** A REGISTER as the servlet takes it: admitted, then stored; empty when it is for a domain not served. */
    private static Optional<Reply> process(Registrar registrar, InboundRequest request) {
        Registrar.Admission admission = registrar.admit(request);
        if (admission instanceof Registrar.Answer answer) {
            return Optional.of(answer.reply());
        }
        if (admission instanceof Registrar.Accepted accepted) {
            return Optional.of(registrar.store(accepted));
        }
        return Optional.empty();
    }
}
