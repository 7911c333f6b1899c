package org.interchange.it.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.interchange.it.support.Router;
import org.interchange.it.support.sip.IncomingRequest;
import org.interchange.it.support.sip.Received;
import org.interchange.it.support.sip.SentRequest;
import org.interchange.it.support.sip.SipAgent;
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
 * A local hook ({@code local_route}, {@link CancelMarkingHook}) on the requests the router generates itself: the
 * callee has a desk phone and a mobile; the desk answers, the mobile rings only after that, and the CANCEL the router
 * then sends to the mobile carries the header field the hook added; so does the CANCEL of a phone that rings until
 * {@code proxy.branch-timeout}.
 */
@ExtendWith(ArquillianExtension.class)
class LocalHookIT {

    @Deployment(testable = false)
    @TargetsContainer(RoutingDeployment.CONTAINER)
    static WebArchive router() {
        return RoutingDeployment.war();
    }

    @ArquillianResource
    Router router;

    @Test
    void theCancelOfABranchThatRingsAfterTheAnswerCarriesTheHooksHeader() {
        Subscriber bob = router.newSubscriber(MarkingStep.LOCAL_PREFIX + "bob");
        try (SipAgent desk = router.agent(Transport.UDP, bob);
             SipAgent mobile = router.agent(Transport.UDP, bob);
             SipAgent caller = router.agent(Transport.UDP)) {
            assertThat(desk.register().status()).isEqualTo(200);
            assertThat(mobile.register().status()).isEqualTo(200);

            SentRequest invite = caller.send(caller.invite(bob.uri()));
            desk.awaitRequest("INVITE").accept();
            IncomingRequest atMobile = mobile.awaitRequest("INVITE");
            Received ok = invite.awaitResponse(200);
            atMobile.reply(180); // RFC 3261 9.1: only now may the router send its CANCEL
            IncomingRequest cancel = mobile.awaitRequest("CANCEL");
            cancel.reply(200);
            atMobile.reply(487);

            assertThat(cancel.request().branch()).isEqualTo(atMobile.request().branch());
            assertThat(cancel.request().header("X-Routing-It-Local")).as("the header the local hook added")
                    .hasValue("CANCEL " + atMobile.request().requestUri());
            Calls.acknowledgeAndHangUp(caller, invite, ok, desk);
        }
    }

    @Test
    void theCancelOfABranchThatRingsUntilTheBranchTimeoutCarriesTheHooksHeader() {
        try (SipAgent bob = router.registeredAgent(Transport.UDP, MarkingStep.LOCAL_PREFIX + "bob");
             SipAgent caller = router.agent(Transport.UDP)) {
            SentRequest invite = caller.send(caller.invite(bob.subscriber().uri()));
            IncomingRequest atBob = bob.awaitRequest("INVITE");
            atBob.reply(180);
            invite.awaitResponse(180);
            IncomingRequest cancel = bob.awaitRequest("CANCEL"); // proxy.branch-timeout
            cancel.reply(200);
            atBob.reply(487);

            assertThat(cancel.request().branch()).isEqualTo(atBob.request().branch());
            assertThat(cancel.request().header("X-Routing-It-Local")).as("the header the local hook added")
                    .hasValue("CANCEL " + atBob.request().requestUri());
            assertThat(invite.awaitFinalResponse().status()).as("the caller's answer: the call timed out")
                    .isEqualTo(408);
        }
    }
}
