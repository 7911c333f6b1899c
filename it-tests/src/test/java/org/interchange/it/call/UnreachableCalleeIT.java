package org.interchange.it.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.sip.Received;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.Subscriber;
import org.interchange.it.support.sip.Transport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A user calls someone the router cannot reach: a user it does not know gets 404 Not Found; a subscriber with no
 * registered contact gets 480 Temporarily Unavailable. OpenSIPS's script answers the same when
 * {@code lookup("location")} fails, telling the two apart with {@code does_uri_exist}.
 */
@ExtendWith(ArquillianExtension.class)
class UnreachableCalleeIT {

    @Deployment(testable = false)
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    @Test
    void aCallToAnUnknownUserIsNotFound() {
        try (SipAgent alice = router.registeredAgent(Transport.UDP, "alice")) {
            Received response = alice.sendAuthenticated(alice.invite("sip:nobody-" + alice.subscriber().user() + "@"
                    + router.domain())).awaitFinalResponse();

            assertThat(response.status()).isEqualTo(404);
        }
    }

    @Test
    void aCallToASubscriberWithoutRegistrationIsTemporarilyUnavailable() {
        Subscriber bob = router.newSubscriber("bob");
        try (SipAgent alice = router.registeredAgent(Transport.UDP, "alice")) {
            Received response = alice.sendAuthenticated(alice.invite(bob.uri())).awaitFinalResponse();

            assertThat(response.status()).isEqualTo(480);
        }
    }
}
