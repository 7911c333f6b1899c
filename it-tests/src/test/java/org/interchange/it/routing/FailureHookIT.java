package org.interchange.it.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.interchange.it.support.Router;
import org.interchange.it.support.sip.IncomingRequest;
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

/**
 * The classic voicemail rule: a call the callee does not take goes to voicemail. The request route
 * ({@link VoicemailStep}) keeps the voicemail's URI and two notes in transaction attributes (AVPs) and flags the
 * transaction; the callee is busy, or rings until the router cancels its branch ({@code proxy.branch-timeout},
 * which the hook sees as 408 Request Timeout, as OpenSIPS's {@code fr_inv_timer}); the failure hook
 * ({@link VoicemailFailureHook}, OpenSIPS's {@code failure_route} with {@code t_relay} to voicemail) starts a new
 * branch to the voicemail agent carrying the attributes it read, the voicemail answers, and the caller is connected
 * to it without ever seeing the callee's failure.
 */
@ExtendWith(ArquillianExtension.class)
class FailureHookIT {

    @Deployment(testable = false)
    @TargetsContainer(RoutingDeployment.CONTAINER)
    static WebArchive router() {
        return RoutingDeployment.war();
    }

    @ArquillianResource
    Router router;

    @Test
    void aBusyCallGoesToVoicemailWithTheAttributesOfTheRequestRoute() {
        try (SipAgent bob = router.registeredAgent(Transport.UDP, VoicemailStep.PREFIX + "bob");
             SipAgent voicemail = router.agent(Transport.UDP);
             SipAgent caller = router.agent(Transport.UDP)) {
            SentRequest invite = caller.send(caller.invite(bob.subscriber().uri())
                    .with("X-Routing-It-Voicemail", voicemail.contactUri()));
            IncomingRequest atBob = bob.awaitRequest("INVITE");
            atBob.reply(486);
            assertThat(bob.awaitRequest("ACK").request().branch()).as("the router acknowledges the 486")
                    .isEqualTo(atBob.request().branch());

            IncomingRequest atVoicemail = voicemail.awaitRequest("INVITE");
            assertThat(atVoicemail.request().requestUri()).isEqualTo(voicemail.contactUri());
            assertThat(atVoicemail.request().header("X-Routing-It-Notes")).as("every value of the attribute")
                    .hasValue("called " + bob.subscriber().user() + "; set by routing-it-voicemail");
            assertThat(atVoicemail.request().header("X-Routing-It-Last-Note")).as("the value read as an AVP")
                    .hasValue("set by routing-it-voicemail");
            assertThat(atVoicemail.request().header("X-Routing-It-Failed-With")).hasValue("486");
            atVoicemail.accept();

            Received ok = invite.awaitResponse(200);
            assertThat(ok.contactUri()).as("the voicemail answered").hasValue(voicemail.contactUri());
            Calls.acknowledgeAndHangUp(caller, invite, ok, voicemail);
            assertThat(finalResponses(caller, invite)).as("final responses the caller received").containsOnly(200);
        }
    }

    @Test
    void anUnansweredCallGoesToVoicemailWhenItsBranchTimesOut() {
        try (SipAgent bob = router.registeredAgent(Transport.UDP, VoicemailStep.PREFIX + "bob");
             SipAgent voicemail = router.agent(Transport.UDP);
             SipAgent caller = router.agent(Transport.UDP)) {
            SentRequest invite = caller.send(caller.invite(bob.subscriber().uri())
                    .with("X-Routing-It-Voicemail", voicemail.contactUri()));
            IncomingRequest atBob = bob.awaitRequest("INVITE");
            atBob.reply(180);
            invite.awaitResponse(180);

            // bob does not answer: after proxy.branch-timeout the router cancels his branch
            IncomingRequest cancel = bob.awaitRequest("CANCEL");
            assertThat(cancel.request().branch()).isEqualTo(atBob.request().branch());
            cancel.reply(200);
            atBob.reply(487);

            IncomingRequest atVoicemail = voicemail.awaitRequest("INVITE");
            assertThat(atVoicemail.request().header("X-Routing-It-Last-Note")).hasValue("set by routing-it-voicemail");
            assertThat(atVoicemail.request().header("X-Routing-It-Failed-With")).as("the branch's failure")
                    .hasValue("408");
            atVoicemail.accept();

            Received ok = invite.awaitResponse(200);
            assertThat(ok.contactUri()).as("the voicemail answered").hasValue(voicemail.contactUri());
            Calls.acknowledgeAndHangUp(caller, invite, ok, voicemail);
            assertThat(finalResponses(caller, invite)).as("final responses the caller received").containsOnly(200);
        }
    }

    @Test
    void anUnansweredCallWithoutAVoicemailIsAnswered408() {
        try (SipAgent bob = router.registeredAgent(Transport.UDP, VoicemailStep.PREFIX + "bob");
             SipAgent caller = router.agent(Transport.UDP)) {
            SentRequest invite = caller.send(caller.invite(bob.subscriber().uri()));
            IncomingRequest atBob = bob.awaitRequest("INVITE");
            atBob.reply(180);
            invite.awaitResponse(180);
            IncomingRequest cancel = bob.awaitRequest("CANCEL");
            cancel.reply(200);
            atBob.reply(487);

            Received timeout = invite.awaitFinalResponse();
            assertThat(timeout.status()).as(timeout.summary()).isEqualTo(408);
            assertThat(finalResponses(caller, invite)).as("final responses the caller received").containsOnly(408);
        }
    }

    @Test
    void aCallWithoutAVoicemailGetsTheCalleesAnswer() {
        try (SipAgent bob = router.registeredAgent(Transport.UDP, VoicemailStep.PREFIX + "bob");
             SipAgent caller = router.agent(Transport.UDP)) {
            SentRequest invite = caller.send(caller.invite(bob.subscriber().uri()));
            bob.awaitRequest("INVITE").reply(486);

            assertThat(invite.awaitFinalResponse().status()).isEqualTo(486);
        }
    }

    private static List<Integer> finalResponses(SipAgent caller, SentRequest invite) {
        return caller.received().stream().filter(message -> !message.isRequest() && message.isFinal()
                && message.branch().equals(invite.request().branch())).map(Received::status).toList();
    }
}
