package org.interchange.auth;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.interchange.auth.DigestAlgorithm.MD5;
import static org.interchange.auth.DigestAlgorithm.SHA_256;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.interchange.auth.Authenticator.Authenticated;
import org.interchange.auth.Authenticator.Challenged;
import org.interchange.auth.Authenticator.Kind;
import org.interchange.auth.Authenticator.Outcome;
import org.interchange.core.Beans;
import org.interchange.core.ManualScheduler;
import org.interchange.core.TestClock;
import org.interchange.core.persistence.TestDatabase;
import org.interchange.core.sip.Aor;
import org.interchange.core.sip.InboundRequest;
import org.interchange.core.sip.Reply;
import org.interchange.core.sip.Reply.SipHeader;
import org.interchange.core.sip.SipRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Digest authentication of REGISTERs (401) and proxied requests (407), against subscribers in H2. */
class AuthenticatorTest {

    private static final String REALM = "example.com";
    private static final String URI = "sip:example.com";
    private static final Duration NONCE_LIFETIME = Duration.ofSeconds(300);

    private final TestClock clock = TestClock.at("2026-11-22T10:00:00Z");
    private final ManualScheduler scheduler = new ManualScheduler();
    private final Subscribers subscribers = Beans.constructed(new Subscribers(TestDatabase.H2.empty(), scheduler,
            settings(List.of(MD5))));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Authenticator authenticator = Beans.constructed(new Authenticator(
            settings(List.of(SHA_256, MD5)), subscribers, clock, scheduler, new AuthStats(meters)));
    private final DigestClient alice = new DigestClient("alice", "wonderland");

    AuthenticatorTest() {
        subscribers.save(Aor.parse("alice@example.com"), "wonderland");
    }

    @Test
    void requestWithoutCredentialsIsChallengedWithSha256ThenMd5() {
        Reply reply = challenged(authenticator.authenticate(register(), REALM, Kind.WWW));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.headers()).extracting(SipHeader::name).containsExactly("WWW-Authenticate", "WWW-Authenticate");
        assertThat(reply.headers().get(0).value()).startsWith("Digest realm=\"example.com\", nonce=\"")
                .endsWith("\", algorithm=SHA-256, qop=\"auth\"");
        assertThat(reply.headers().get(1).value()).endsWith("\", algorithm=MD5, qop=\"auth\"");
        assertThat(DigestClient.challengeOf(reply, SHA_256).get("nonce"))
                .isEqualTo(DigestClient.challengeOf(reply, MD5).get("nonce"));
    }

    @Test
    void proxyChallengesWith407() {
        Reply reply = challenged(authenticator.authenticate(register(), REALM, Kind.PROXY));

        assertThat(reply.status()).isEqualTo(407);
        assertThat(reply.reason()).isEqualTo("Proxy Authentication Required");
        assertThat(reply.headers()).extracting(SipHeader::name).containsOnly("Proxy-Authenticate");
    }

    @ParameterizedTest
    @EnumSource(names = {"SHA_256", "MD5"})
    void correctResponseAuthenticates(DigestAlgorithm algorithm) {
        Reply challenge = authenticator.challenge(REALM, Kind.WWW, false);

        Outcome outcome = authenticator.authenticate(
                register("Authorization", alice.answer(challenge, "REGISTER", URI, algorithm)), REALM, Kind.WWW);

        assertThat(outcome).isEqualTo(new Authenticated("alice", REALM));
    }

    @Test
    void sessionVariantAuthenticates() {
        Reply challenge = authenticator.challenge(REALM, Kind.WWW, false);

        Outcome outcome = authenticator.authenticate(
                register("Authorization", alice.answerWithSession(challenge, "REGISTER", URI, MD5)), REALM, Kind.WWW);

        assertThat(outcome).isInstanceOf(Authenticated.class);
    }

    @Test
    void proxyReadsProxyAuthorization() {
        Reply challenge = authenticator.challenge(REALM, Kind.PROXY, false);
        String credentials = alice.answer(challenge, "REGISTER", URI);

        assertThat(authenticator.authenticate(register("Proxy-Authorization", credentials), REALM, Kind.PROXY))
                .isInstanceOf(Authenticated.class);
        assertThat(authenticator.authenticate(register("Authorization", credentials), REALM, Kind.PROXY))
                .isInstanceOf(Challenged.class);
    }

    @Test
    void wrongPasswordIsChallengedAgain() {
        Reply challenge = authenticator.challenge(REALM, Kind.WWW, false);
        String credentials = new DigestClient("alice", "looking-glass").answer(challenge, "REGISTER", URI);

        assertFreshChallenge(authenticator.authenticate(register("Authorization", credentials), REALM, Kind.WWW));
    }

    @Test
    void outcomesAreCountedAsChallengesSuccessesAndFailures() {
        authenticator.authenticate(register(), REALM, Kind.WWW);
        Reply challenge = authenticator.challenge(REALM, Kind.WWW, false);
        authenticator.authenticate(register("Authorization", alice.answer(challenge, "REGISTER", URI)), REALM, Kind.WWW);
        String wrong = new DigestClient("alice", "looking-glass").answer(challenge, "REGISTER", URI);
        authenticator.authenticate(register("Authorization", wrong), REALM, Kind.WWW);

        assertThat(meters.counter("interchange.auth.challenges").count()).isEqualTo(1);
        assertThat(meters.counter("interchange.auth.successful_auths").count()).isEqualTo(1);
        assertThat(meters.counter("interchange.auth.failed_auths").count()).isEqualTo(1);
    }

    @Test
    void unknownUserIsChallengedAgain() {
        Reply challenge = authenticator.challenge(REALM, Kind.WWW, false);
        String credentials = new DigestClient("mallory", "wonderland").answer(challenge, "REGISTER", URI);

        assertFreshChallenge(authenticator.authenticate(register("Authorization", credentials), REALM, Kind.WWW));
    }

    @Test
    void credentialsForAnotherRealmAreIgnored() {
        subscribers.save(Aor.parse("alice@example.net"), "wonderland");
        Reply challenge = authenticator.challenge("example.net", Kind.WWW, false);
        String credentials = alice.answer(challenge, "REGISTER", URI);

        assertFreshChallenge(authenticator.authenticate(register("Authorization", credentials), REALM, Kind.WWW));
    }

    @Test
    void credentialsOfTheRealmCountAmongOthers() {
        Reply challenge = authenticator.challenge(REALM, Kind.WWW, false);
        InboundRequest request = register(
                "Authorization", "NoOneKnowsThisScheme token=\"x\"",
                "Authorization", new DigestClient("alice", "wonderland").credentials("example.net",
                        DigestClient.challengeOf(challenge, MD5).get("nonce"), "REGISTER", URI, MD5, false, 1),
                "Authorization", alice.answer(challenge, "REGISTER", URI));

        assertThat(authenticator.authenticate(request, REALM, Kind.WWW)).isInstanceOf(Authenticated.class);
    }

    @Test
    void otherSchemeIsChallenged() {
        assertFreshChallenge(authenticator.authenticate(
                register("Authorization", "NoOneKnowsThisScheme realm=\"example.com\", token=\"x\""), REALM, Kind.WWW));
    }

    @Test
    void staleNonceIsChallengedWithStaleTrue() {
        Reply challenge = authenticator.challenge(REALM, Kind.WWW, false);
        String credentials = alice.answer(challenge, "REGISTER", URI);
        clock.advance(NONCE_LIFETIME.plusSeconds(1));

        Reply reply = challenged(authenticator.authenticate(register("Authorization", credentials), REALM, Kind.WWW));

        assertThat(reply.headers()).extracting(SipHeader::value).allMatch(value -> value.endsWith(", stale=true"));
    }

    @Test
    void tamperedNonceIsNotStale() {
        Reply challenge = authenticator.challenge(REALM, Kind.WWW, false);
        String nonce = DigestClient.challengeOf(challenge, SHA_256).get("nonce");
        // a character in the middle: the last one of a base64 text may carry bits the decoder ignores
        String forged = nonce.substring(0, 5) + (nonce.charAt(5) == 'A' ? 'B' : 'A') + nonce.substring(6);
        String credentials = alice.credentials(REALM, forged, "REGISTER", URI, SHA_256, false, 1);

        assertFreshChallenge(authenticator.authenticate(register("Authorization", credentials), REALM, Kind.WWW));
    }

    @Test
    void replayedNonceCountIsRefused() {
        Reply challenge = authenticator.challenge(REALM, Kind.WWW, false);
        InboundRequest request = register("Authorization", alice.answer(challenge, "REGISTER", URI, SHA_256, 1));
        authenticator.authenticate(request, REALM, Kind.WWW);

        assertFreshChallenge(authenticator.authenticate(request, REALM, Kind.WWW));
    }

    @Test
    void nonceMayBeReusedWithAHigherCount() {
        Reply challenge = authenticator.challenge(REALM, Kind.WWW, false);
        authenticator.authenticate(register("Authorization", alice.answer(challenge, "REGISTER", URI, SHA_256, 1)),
                REALM, Kind.WWW);

        assertThat(authenticator.authenticate(
                register("Authorization", alice.answer(challenge, "REGISTER", URI, SHA_256, 2)), REALM, Kind.WWW))
                .isInstanceOf(Authenticated.class);
    }

    @Test
    void algorithmThatIsNotConfiguredIsRefused() {
        Authenticator md5Only = new Authenticator(settings(List.of(MD5)), subscribers, clock, scheduler,
                new AuthStats(meters));
        Reply challenge = md5Only.challenge(REALM, Kind.WWW, false);
        String nonce = DigestClient.challengeOf(challenge, MD5).get("nonce");
        String credentials = alice.credentials(REALM, nonce, "REGISTER", URI, SHA_256, false, 1);

        assertThat(challenge.headers()).hasSize(1);
        assertFreshChallenge(md5Only.authenticate(register("Authorization", credentials), REALM, Kind.WWW));
    }

    @Test
    void responseWithoutQopIsRefused() {
        Reply challenge = authenticator.challenge(REALM, Kind.WWW, false);
        String nonce = DigestClient.challengeOf(challenge, MD5).get("nonce");
        String ha1 = MD5.ha1("alice", REALM, "wonderland");
        // RFC 2069's response, without qop, cnonce or nonce count: replayable, so not accepted
        String response = MD5.hash(ha1 + ":" + nonce + ":" + MD5.hash("REGISTER:" + URI));
        String credentials = "Digest username=\"alice\", realm=\"example.com\", nonce=\"" + nonce + "\", uri=\""
                + URI + "\", response=\"" + response + "\", algorithm=MD5";

        assertFreshChallenge(authenticator.authenticate(register("Authorization", credentials), REALM, Kind.WWW));
    }

    @Test
    void forgettingNonceCountsIsATimerOfTheNonceLifetime() {
        assertThat(scheduler.tasks()).containsEntry("auth-nonce-counts", NONCE_LIFETIME);
    }

    private static AuthSettings settings(List<DigestAlgorithm> algorithms) {
        return new AuthSettings(true, Set.of("INVITE"), List.of(), algorithms, NONCE_LIFETIME,
                "test secret", Duration.ofSeconds(60));
    }

    /** A REGISTER for alice with the given header fields (name, value, name, value...). */
    private static InboundRequest register(String... fields) {
        StringBuilder text = new StringBuilder("""
                REGISTER sip:example.com SIP/2.0
                From: <sip:alice@example.com>;tag=1
                To: <sip:alice@example.com>
                Call-ID: auth-1
                CSeq: 1 REGISTER
                """);
        for (int i = 0; i < fields.length; i += 2) {
            text.append(fields[i]).append(": ").append(fields[i + 1]).append('\n');
        }
        return SipRequests.parse(text.toString());
    }

    private static Reply challenged(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Challenged.class);
        return ((Challenged) outcome).reply();
    }

    private static void assertFreshChallenge(Outcome outcome) {
        assertThat(challenged(outcome).headers()).extracting(SipHeader::value)
                .noneMatch(value -> value.contains("stale"));
    }
}
