package org.interchange.it.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.interchange.it.support.LocationBinding;
import org.interchange.it.support.Router;
import org.interchange.it.support.sip.Challenge;
import org.interchange.it.support.sip.Received;
import org.interchange.it.support.sip.Received.ContactBinding;
import org.interchange.it.support.sip.SentRequest;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.SipRequest;
import org.interchange.it.support.sip.Subscriber;
import org.interchange.it.support.sip.Transport;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A phone registers its contact with the router (RFC 3261 10): its first REGISTER is challenged with 401,
 * offering SHA-256 first and MD5 second with qop="auth"; with its password it is accepted under either
 * algorithm, and a wrong password only earns another challenge. The 200 lists every binding of the
 * address-of-record with the seconds left; {@code Contact: *} with {@code Expires: 0} removes them all; an
 * interval under the registrar's minimum is refused with 423 and Min-Expires; a REGISTER older (by CSeq) than
 * the one that made a binding is refused with 400; bindings lapse when they expire, and outlive a restart of the
 * router. OpenSIPS does the same with {@code www_authorize} and the registrar's {@code save("location")} over
 * usrloc in write-through mode.
 *
 * <p>Each subclass runs these scenarios on one database; the registrar's limits come from the router's settings.
 */
@ExtendWith(ArquillianExtension.class)
abstract class RegistrationScenarios {

    @ArquillianResource
    Router router;

    @Test
    void registerWithoutCredentialsIsChallengedWithSha256ThenMd5() {
        try (SipAgent phone = router.agent(Transport.UDP, router.newSubscriber("alice"))) {
            Received challenge = phone.send(phone.registerRequest()).awaitFinalResponse();

            assertThat(challenge.status()).isEqualTo(401);
            assertThat(challenge.challenges()).extracting(Challenge::algorithm).containsExactly("SHA-256", "MD5");
            assertThat(challenge.challenges()).allSatisfy(offer -> {
                assertThat(offer.header()).isEqualTo("WWW-Authenticate");
                assertThat(offer.realm()).isEqualTo(router.domain());
                assertThat(offer.qop()).hasValue("auth");
                assertThat(offer.stale()).isFalse();
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"MD5", "SHA-256"})
    void registerWithTheRightCredentialsIsAccepted(String algorithm) {
        Subscriber alice = router.newSubscriber("alice");
        try (SipAgent phone = router.agent(Transport.UDP, alice)) {
            SentRequest unauthenticated = phone.send(phone.registerRequest());
            Received ok = phone.retryWithCredentials(unauthenticated, unauthenticated.awaitFinalResponse(), algorithm)
                    .awaitFinalResponse();

            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.contactBindings()).extracting(ContactBinding::uri).containsExactly(phone.contactUri());
            assertThat(router.admin().bindings(alice.aor())).singleElement().satisfies(binding -> {
                assertThat(binding.contact()).isEqualTo(phone.contactUri());
                assertThat(binding.socket()).as("the listener the REGISTER arrived on")
                        .isEqualTo("udp:127.0.0.1:" + router.sipAddress(Transport.UDP).getPort());
            });
        }
    }

    @Test
    void registerWithAWrongPasswordIsChallengedAgain() {
        Subscriber alice = router.newSubscriber("alice");
        Subscriber impostor = new Subscriber(alice.user(), alice.domain(), "not-" + alice.password());
        try (SipAgent phone = router.agent(Transport.UDP, impostor)) {
            Received refused = phone.sendAuthenticated(phone.registerRequest()).awaitFinalResponse();

            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.challenges()).isNotEmpty().noneMatch(Challenge::stale);
            assertThat(router.admin().bindings(alice.aor())).isEmpty();
        }
    }

    @Test
    void registerOverTcpBindsTheContactToTheTcpListener() {
        Subscriber alice = router.newSubscriber("alice");
        try (SipAgent phone = router.agent(Transport.TCP, alice)) {
            assertThat(phone.register().status()).isEqualTo(200);

            assertThat(router.admin().bindings(alice.aor())).singleElement().satisfies(binding -> {
                assertThat(binding.contact()).isEqualTo(phone.contactUri());
                assertThat(binding.socket()).isEqualTo("tcp:127.0.0.1:" + router.sipAddress(Transport.TCP).getPort());
                assertThat(binding.received()).startsWith("tcp:127.0.0.1:");
            });
        }
    }

    @Test
    void okListsEveryBindingWithItsExpires() {
        Subscriber alice = router.newSubscriber("alice");
        try (SipAgent desk = router.agent(Transport.UDP, alice); SipAgent mobile = router.agent(Transport.UDP, alice)) {
            assertThat(desk.sendAuthenticated(desk.registerRequest().with("Expires", "1800"))
                    .awaitFinalResponse().status()).isEqualTo(200);

            Received ok = mobile.sendAuthenticated(mobile.registerRequest()
                    .replacing("Contact", "<" + mobile.contactUri() + ">;expires=600")).awaitFinalResponse();

            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.contactBindings()).hasSize(2).anySatisfy(binding -> {
                assertThat(binding.uri()).isEqualTo(desk.contactUri());
                assertThat(binding.expires()).isBetween(1, 1800);
            }).anySatisfy(binding -> {
                assertThat(binding.uri()).isEqualTo(mobile.contactUri());
                assertThat(binding.expires()).isBetween(1, 600);
            });
        }
    }

    @Test
    void wildcardContactWithExpiresZeroRemovesEveryBinding() {
        Subscriber alice = router.newSubscriber("alice");
        try (SipAgent desk = router.agent(Transport.UDP, alice); SipAgent mobile = router.agent(Transport.UDP, alice)) {
            assertThat(desk.register().status()).isEqualTo(200);
            assertThat(mobile.register().status()).isEqualTo(200);

            Received ok = desk.sendAuthenticated(desk.registerRequest().replacing("Contact", "*").with("Expires", "0"))
                    .awaitFinalResponse();

            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.contactBindings()).isEmpty();
            assertThat(router.admin().bindings(alice.aor())).isEmpty();
        }
    }

    @Test
    void expiresBelowTheMinimumIsRefusedWith423() {
        int minimum = router.intSetting("registrar.min-expires");
        assumeThat(minimum).as("an interval below the minimum exists").isGreaterThan(1);
        Subscriber alice = router.newSubscriber("alice");
        try (SipAgent phone = router.agent(Transport.UDP, alice)) {
            Received refused = phone.sendAuthenticated(
                    phone.registerRequest().with("Expires", String.valueOf(minimum - 1))).awaitFinalResponse();

            assertThat(refused.status()).isEqualTo(423);
            assertThat(refused.header("Min-Expires")).hasValue(String.valueOf(minimum));
            assertThat(router.admin().bindings(alice.aor())).isEmpty();
        }
    }

    @Test
    void anOlderCseqOfTheSameCallIdIsRefused() {
        Subscriber alice = router.newSubscriber("alice");
        try (SipAgent phone = router.agent(Transport.UDP, alice)) {
            SipRequest register = phone.registerRequest();
            assertThat(phone.sendAuthenticated(register.replacing("CSeq", "10 REGISTER"))
                    .awaitFinalResponse().status()).isEqualTo(200);

            Received refused = phone.sendAuthenticated(register.replacing("Via", phone.via())
                    .replacing("CSeq", "3 REGISTER")).awaitFinalResponse();

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.reason()).isEqualTo("Invalid CSeq number");
            assertThat(router.admin().bindings(alice.aor())).singleElement()
                    .extracting(LocationBinding::cseq).isEqualTo(11L);
        }
    }

    @Test
    void anExpiredBindingIsGone() {
        int shortest = router.intSetting("registrar.min-expires");
        Duration bound = Duration.ofSeconds(shortest + router.intSetting("location.timer-interval") + 30);
        Subscriber alice = router.newSubscriber("alice");
        try (SipAgent phone = router.agent(Transport.UDP, alice)) {
            assertThat(phone.sendAuthenticated(phone.registerRequest().with("Expires", String.valueOf(shortest)))
                    .awaitFinalResponse().status()).isEqualTo(200);

            await("the binding of " + alice.aor() + " to expire").atMost(bound).pollInterval(Duration.ofMillis(250))
                    .until(() -> router.admin().bindings(alice.aor()).isEmpty());
            Received fetched = phone.sendAuthenticated(phone.registerRequest().without("Contact")).awaitFinalResponse();

            assertThat(fetched.status()).isEqualTo(200);
            assertThat(fetched.contactBindings()).isEmpty();
        }
    }

    @Test
    void registrationsOutliveARestartOfTheRouter() {
        Subscriber alice = router.newSubscriber("alice");
        try (SipAgent desk = router.agent(Transport.UDP, alice); SipAgent mobile = router.agent(Transport.UDP, alice)) {
            assertThat(desk.register().status()).isEqualTo(200);
            assertThat(mobile.register().status()).isEqualTo(200);

            router.restart();
            Received fetched = desk.sendAuthenticated(desk.registerRequest().without("Contact")).awaitFinalResponse();

            assertThat(fetched.status()).isEqualTo(200);
            assertThat(fetched.contactBindings()).extracting(ContactBinding::uri)
                    .containsExactlyInAnyOrder(desk.contactUri(), mobile.contactUri());
            assertThat(router.admin().bindings(alice.aor())).extracting(LocationBinding::contact)
                    .containsExactlyInAnyOrder(desk.contactUri(), mobile.contactUri());
        }
    }
}
