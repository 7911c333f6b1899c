package org.interchange.it.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.sip.Dialog;
import org.interchange.it.support.sip.IncomingRequest;
import org.interchange.it.support.sip.Received;
import org.interchange.it.support.sip.SentRequest;
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
 * The callee registered a desk phone with q=1.0 and a mobile with q=0.5: the desk phone rings alone; only when it
 * answers 486 Busy Here does the router try the mobile, which answers, and the caller never sees the 486 (RFC
 * 3261 16.6 and 16.7: serial search by q-value, only the best final response forwarded). OpenSIPS does this with
 * {@code t_load_contacts} and {@code t_next_contacts} in a failure route.
 */
@ExtendWith(ArquillianExtension.class)
class SerialForkingByQIT {

    @Deployment(testable = false)
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    @Test
    void theLowerQContactIsTriedOnlyAfterTheHigherOneFails() {
        callWhileTheHigherQContactIsBusy();
    }

    @Test
    void theCallerNeverSeesTheBusyOfTheHigherQContact() {
        assertThat(callWhileTheHigherQContactIsBusy()).as("responses to the INVITE the caller received")
                .doesNotContain(486);
    }

    /**
     * The desk phone (q=1.0) rings alone and answers 486; the mobile (q=0.5) is tried then, answers, and the call
     * is set up and hung up through the router.
     *
     * @return the status of every response to the INVITE that reached the caller, in order
     */
    private List<Integer> callWhileTheHigherQContactIsBusy() {
        Subscriber bob = router.newSubscriber("bob");
        try (SipAgent alice = router.registeredAgent(Transport.UDP, "alice");
             SipAgent desk = router.agent(Transport.UDP, bob);
             SipAgent mobile = router.agent(Transport.UDP, bob)) {
            assertThat(registerWithQ(desk, "1.0").status()).isEqualTo(200);
            assertThat(registerWithQ(mobile, "0.5").status()).isEqualTo(200);

            SentRequest invite = alice.sendAuthenticated(alice.invite(bob.uri()));
            IncomingRequest atDesk = desk.awaitRequest("INVITE");
            atDesk.reply(180);
            invite.awaitResponse(180);
            assertThat(mobile.received()).as("requests to the q=0.5 contact while the q=1.0 one rang")
                    .noneMatch(Received::isRequest);
            atDesk.reply(486);
            assertThat(desk.awaitRequest("ACK").request().branch()).as("the router acknowledges the 486")
                    .isEqualTo(atDesk.request().branch());
            mobile.awaitRequest("INVITE").accept();
            Received ok = invite.awaitResponse(200);

            assertThat(ok.contactUri()).as("the mobile answered").hasValue(mobile.contactUri());
            Dialog call = Dialog.asCaller(alice, invite, ok);
            call.ack();
            mobile.awaitRequest("ACK");
            SentRequest bye = call.send("BYE");
            mobile.awaitRequest("BYE").reply(200);
            assertThat(bye.awaitFinalResponse().status()).isEqualTo(200);
            return alice.received().stream()
                    .filter(message -> !message.isRequest() && message.branch().equals(invite.request().branch()))
                    .map(Received::status).toList();
        }
    }

    private static Received registerWithQ(SipAgent phone, String q) {
        return phone.sendAuthenticated(phone.registerRequest()
                .replacing("Contact", "<" + phone.contactUri() + ">;q=" + q)).awaitFinalResponse();
    }
}
