package org.interchange.it.routing;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A reply hook ({@code onreply_route}, {@link ReplyRewritingHook}) on the responses of a call: each response it
 * passes on carries a header field it added, and the 180 it drops never reaches the caller while the 183 the
 * callee sent after it does (OpenSIPS's {@code drop()} of a provisional reply).
 */
@ExtendWith(ArquillianExtension.class)
class ReplyHookIT {

    @Deployment(testable = false)
    @TargetsContainer(RoutingDeployment.CONTAINER)
    static WebArchive router() {
        return RoutingDeployment.war();
    }

    @ArquillianResource
    Router router;

    @Test
    void theHookAddsAHeaderTheCallerSeesAndDropsThe180() {
        try (SipAgent bob = router.registeredAgent(Transport.UDP, MarkingStep.REPLY_PREFIX + "bob");
             SipAgent caller = router.agent(Transport.UDP)) {
            SentRequest invite = caller.send(caller.invite(bob.subscriber().uri()));
            IncomingRequest atBob = bob.awaitRequest("INVITE");
            atBob.reply(180);
            atBob.reply(183);
            Received progress = invite.awaitResponse(183);
            atBob.accept();
            Received ok = invite.awaitResponse(200);

            assertThat(progress.header("X-Routing-It-Reply")).as("the 183 the caller got").hasValue("183");
            assertThat(ok.header("X-Routing-It-Reply")).as("the 200 the caller got").hasValue("200");
            Calls.acknowledgeAndHangUp(caller, invite, ok, bob);
            assertThat(caller.received()).as("responses to the INVITE the caller received")
                    .filteredOn(message -> !message.isRequest() && message.branch().equals(invite.request().branch()))
                    .extracting(Received::status).doesNotContain(180).contains(100, 183, 200);
        }
    }

    @Test
    void repliesOfOtherCallsAreLeftAlone() {
        try (SipAgent bob = router.registeredAgent(Transport.UDP, "bob");
             SipAgent caller = router.agent(Transport.UDP)) {
            SentRequest invite = caller.send(caller.invite(bob.subscriber().uri()));
            IncomingRequest atBob = bob.awaitRequest("INVITE");
            atBob.reply(180);
            Received ringing = invite.awaitResponse(180);
            atBob.reply(486);
            Received busy = invite.awaitFinalResponse();

            assertThat(busy.status()).isEqualTo(486);
            assertThat(ringing.header("X-Routing-It-Reply")).isEmpty();
            assertThat(busy.header("X-Routing-It-Reply")).isEmpty();
        }
    }
}
