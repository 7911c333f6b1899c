package org.interchange.it.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.database.DatabaseProxy;
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
 * A phone that registered before the router restarted signs its next REGISTER with the nonce it was given before.
 * The router, without {@code auth.secret}, kept its generated signing key in the data directory, so it recognises
 * the nonce as its own; since the nonce counts it saw are gone with the restart, it answers 401 with
 * {@code stale=true} (not a plain 401, which a phone takes as a wrong password), and the phone signs again with the
 * fresh nonce without asking its user (RFC 7616 3.3). OpenSIPS's auth module, whose nonce secret is random per start
 * unless {@code secret} is set, answers such a nonce as invalid.
 *
 * <p>Runs on the router {@code database-faults} (its restart disturbs no other class's router).
 */
@ExtendWith({DatabaseProxy.class, ArquillianExtension.class})
class NonceAcrossRestartIT {

    @Deployment(testable = false)
    @TargetsContainer("database-faults")
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    @Test
    void nonceFromBeforeARestartIsStaleAndThePhoneSignsAgain() {
        Subscriber alice = router.newSubscriber("alice");
        try (SipAgent phone = router.agent(Transport.UDP, alice)) {
            SentRequest unauthenticated = phone.send(phone.registerRequest());
            Challenge beforeRestart = unauthenticated.awaitFinalResponse().challenges().get(0);
            SipRequest registered = Digest.sign(phone.nextAttempt(unauthenticated.request()), beforeRestart, alice, 1);
            assertThat(phone.send(registered).awaitFinalResponse().status()).isEqualTo(200);

            router.restart();

            SentRequest withOldNonce = phone.send(Digest.sign(phone.nextAttempt(registered), beforeRestart, alice, 2));
            Received challenge = withOldNonce.awaitFinalResponse();
            assertThat(challenge.status()).isEqualTo(401);
            assertThat(challenge.challenges()).isNotEmpty().allSatisfy(fresh -> {
                assertThat(fresh.stale()).as("stale=true").isTrue();
                assertThat(fresh.nonce()).isNotEqualTo(beforeRestart.nonce());
            });
            Received signedAgain = phone.retryWithCredentials(withOldNonce, challenge).awaitFinalResponse();
            assertThat(signedAgain.status()).isEqualTo(200);
        }
    }
}
