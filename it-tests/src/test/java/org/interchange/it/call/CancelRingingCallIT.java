package org.interchange.it.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.sip.IncomingRequest;
import org.interchange.it.support.sip.SentRequest;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.Transport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The caller gives up while the callee's phone rings: the router answers the CANCEL with 200, cancels its branch
 * to the callee, and relays the callee's 487 Request Terminated to the caller (RFC 3261 9.2, 16.10). OpenSIPS's
 * tm module does the same when {@code t_relay} meets a CANCEL for a pending transaction.
 */
@ExtendWith(ArquillianExtension.class)
class CancelRingingCallIT {

    @Deployment(testable = false)
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    @Test
    void theCallerCancelsWhileTheCalleeRings() {
        try (SipAgent alice = router.registeredAgent(Transport.UDP, "alice");
             SipAgent bob = router.registeredAgent(Transport.UDP, "bob")) {
            SentRequest invite = alice.sendAuthenticated(alice.invite(bob.subscriber().uri()));
            IncomingRequest ringing = bob.awaitRequest("INVITE");
            ringing.reply(180);
            invite.awaitResponse(180);

            SentRequest cancel = invite.cancel();
            IncomingRequest cancelAtCallee = bob.awaitRequest("CANCEL");
            cancelAtCallee.reply(200);
            ringing.reply(487);

            assertThat(cancel.awaitFinalResponse().status()).isEqualTo(200);
            assertThat(router.isSourceOf(cancelAtCallee.request())).isTrue();
            assertThat(cancelAtCallee.request().branch()).as("the CANCEL matches the INVITE's branch")
                    .isEqualTo(ringing.request().branch());
            assertThat(invite.awaitFinalResponse().status()).isEqualTo(487);
            assertThat(bob.awaitRequest("ACK").request().branch()).as("the router acknowledges the 487")
                    .isEqualTo(ringing.request().branch());
        }
    }
}
