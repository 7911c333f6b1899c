package org.interchange.it.call;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The callee has a desk phone and a mobile registered with the same q-value: both ring at once; the desk phone
 * answers, the caller gets its 200 and nothing else, and the router cancels the mobile (RFC 3261 16.7 item 10).
 * OpenSIPS forks the same way when {@code lookup("location")} finds several contacts and {@code t_relay} sends
 * the branches in parallel.
 */
@ExtendWith(ArquillianExtension.class)
class ParallelForkingIT {

    @Deployment(testable = false)
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    @Test
    void bothContactsRingAndTheOneThatDidNotAnswerIsCancelled() {
        Subscriber bob = router.newSubscriber("bob");
        try (SipAgent alice = router.registeredAgent(Transport.UDP, "alice");
             SipAgent desk = router.agent(Transport.UDP, bob);
             SipAgent mobile = router.agent(Transport.UDP, bob)) {
            assertThat(desk.register().status()).isEqualTo(200);
            assertThat(mobile.register().status()).isEqualTo(200);

            SentRequest invite = alice.sendAuthenticated(alice.invite(bob.uri()));
            IncomingRequest atDesk = desk.awaitRequest("INVITE");
            IncomingRequest atMobile = mobile.awaitRequest("INVITE");
            atDesk.reply(180);
            atMobile.reply(180);
            Received firstRinging = invite.awaitResponse(180);
            Received secondRinging = invite.awaitResponse(180);
            assertThat(secondRinging.toTag()).as("each phone rings in its own early dialog")
                    .isNotEqualTo(firstRinging.toTag());
            atDesk.accept();
            Received ok = invite.awaitResponse(200);
            IncomingRequest cancel = mobile.awaitRequest("CANCEL");
            cancel.reply(200);
            atMobile.reply(487);

            assertThat(ok.contactUri()).as("the desk phone answered").hasValue(desk.contactUri());
            assertThat(cancel.request().branch()).isEqualTo(atMobile.request().branch());
            assertThat(mobile.awaitRequest("ACK").request().branch()).as("the router acknowledges the 487")
                    .isEqualTo(atMobile.request().branch());

            hangUp(alice, invite, ok, desk);
        }
    }

    @Test
    void aContactThatRingsOnlyAfterTheOtherAnsweredIsCancelledThen() {
        Subscriber bob = router.newSubscriber("bob");
        try (SipAgent alice = router.registeredAgent(Transport.UDP, "alice");
             SipAgent desk = router.agent(Transport.UDP, bob);
             SipAgent mobile = router.agent(Transport.UDP, bob)) {
            assertThat(desk.register().status()).isEqualTo(200);
            assertThat(mobile.register().status()).isEqualTo(200);

            SentRequest invite = alice.sendAuthenticated(alice.invite(bob.uri()));
            desk.awaitRequest("INVITE").accept();
            IncomingRequest atMobile = mobile.awaitRequest("INVITE");
            Received ok = invite.awaitResponse(200);
            atMobile.reply(180); // RFC 3261 9.1: only now may the router send its CANCEL
            IncomingRequest cancel = mobile.awaitRequest("CANCEL");
            cancel.reply(200);
            atMobile.reply(487);

            assertThat(cancel.request().branch()).isEqualTo(atMobile.request().branch());
            hangUp(alice, invite, ok, desk);
        }
    }

    /** The caller acknowledges the answer and hangs up; it saw no other final response to its INVITE. */
    private static void hangUp(SipAgent caller, SentRequest invite, Received ok, SipAgent answered) {
        Dialog call = Dialog.asCaller(caller, invite, ok);
        call.ack();
        answered.awaitRequest("ACK");
        SentRequest bye = call.send("BYE");
        answered.awaitRequest("BYE").reply(200);
        assertThat(bye.awaitFinalResponse().status()).isEqualTo(200);
        assertThat(caller.received()).as("final responses to the INVITE the caller received")
                .filteredOn(message -> !message.isRequest() && message.isFinal()
                        && message.branch().equals(invite.request().branch()))
                .extracting(Received::status).containsOnly(200);
    }
}
