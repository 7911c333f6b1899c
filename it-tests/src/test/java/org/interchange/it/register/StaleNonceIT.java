package org.interchange.it.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.sip.Challenge;
import org.interchange.it.support.sip.Digest;
import org.interchange.it.support.sip.Received;
import org.interchange.it.support.sip.SentRequest;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.SipRequest;
import org.interchange.it.support.sip.Subscriber;
import org.interchange.it.support.sip.Transport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A phone keeps signing its REGISTERs with the nonce it was first given. Once that nonce is older than
 * {@code auth.nonce-lifetime}, the router answers 401 with {@code stale=true} and a fresh nonce, telling the phone
 * to sign again without asking its user for the password (RFC 7616 3.3). OpenSIPS's auth module does the same
 * when its {@code nonce_expire} has passed.
 */
@ExtendWith(ArquillianExtension.class)
class StaleNonceIT {

    @Deployment(testable = false)
    @TargetsContainer("short-timers")
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    @Test
    void credentialsWithAnExpiredNonceAreChallengedAsStale() {
        Subscriber alice = router.newSubscriber("alice");
        Duration bound = Duration.ofSeconds(router.intSetting("auth.nonce-lifetime") + 30);
        try (SipAgent phone = router.agent(Transport.UDP, alice)) {
            SentRequest unauthenticated = phone.send(phone.registerRequest());
            Challenge first = unauthenticated.awaitFinalResponse().challenges().get(0);
            AtomicInteger nonceCount = new AtomicInteger();
            AtomicReference<SipRequest> previous = new AtomicReference<>(unauthenticated.request());

            Received refused = await("a stale challenge to a REGISTER signed with nonce " + first.nonce())
                    .atMost(bound).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        SipRequest signed = Digest.sign(phone.nextAttempt(previous.get()), first, alice,
                                nonceCount.incrementAndGet());
                        previous.set(signed);
                        return phone.send(signed).awaitFinalResponse();
                    }, response -> response.status() != 200);

            assertThat(nonceCount).as("the nonce signed REGISTERs before it expired").hasValueGreaterThan(1);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.challenges()).isNotEmpty().allSatisfy(challenge -> {
                assertThat(challenge.stale()).isTrue();
                assertThat(challenge.nonce()).isNotEqualTo(first.nonce());
            });
        }
    }
}
