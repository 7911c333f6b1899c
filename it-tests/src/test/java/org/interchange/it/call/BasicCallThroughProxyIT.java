package org.interchange.it.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.sip.Dialog;
import org.interchange.it.support.sip.IncomingRequest;
import org.interchange.it.support.sip.Received;
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
 * Two registered users call each other through the router: the caller's INVITE is challenged with 407 and sent
 * again with Proxy-Authorization; the router answers 100 Trying, relays the INVITE to the callee's registered
 * contact with its Record-Route, and relays 180 and 200 back. Both ends keep the router in their route set, so
 * the ACK and the BYE (from either side) pass through it too. OpenSIPS does this with {@code proxy_authorize},
 * {@code record_route}, {@code lookup("location")} and {@code t_relay}, and {@code loose_route} for what follows.
 */
@ExtendWith(ArquillianExtension.class)
class BasicCallThroughProxyIT {

    @Deployment(testable = false)
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    /** Both sides of an answered and acknowledged call. */
    private record Call(Dialog callerSide, Dialog calleeSide) {
    }

    @Test
    void theCallerHangsUpThroughTheRouterOverUdp() {
        callAndHangUp(Transport.UDP, Party.CALLER);
    }

    @Test
    void theCallerHangsUpThroughTheRouterOverTcp() {
        callAndHangUp(Transport.TCP, Party.CALLER);
    }

    @Test
    void theCalleeHangsUpThroughTheRouterOverUdp() {
        callAndHangUp(Transport.UDP, Party.CALLEE);
    }

    @Test
    void theCalleeHangsUpThroughTheRouterOverTcp() {
        callAndHangUp(Transport.TCP, Party.CALLEE);
    }

    /** Who sends the BYE. */
    private enum Party { CALLER, CALLEE }

    private void callAndHangUp(Transport transport, Party hangingUp) {
        try (SipAgent alice = router.registeredAgent(transport, "alice");
             SipAgent bob = router.registeredAgent(transport, "bob")) {
            Call call = establish(alice, bob);
            Dialog hangingUpSide = hangingUp == Party.CALLER ? call.callerSide() : call.calleeSide();
            SipAgent otherEnd = hangingUp == Party.CALLER ? bob : alice;

            SentRequest bye = hangingUpSide.send("BYE");
            IncomingRequest byeAtOtherEnd = otherEnd.awaitRequest("BYE");
            byeAtOtherEnd.reply(200);

            assertThat(bye.destination()).as("the BYE's first hop").isEqualTo(router.sipAddress(transport));
            assertThat(router.isSourceOf(byeAtOtherEnd.request())).as("the BYE was relayed by the router").isTrue();
            assertThat(bye.awaitFinalResponse().status()).isEqualTo(200);
        }
    }

    private Call establish(SipAgent caller, SipAgent callee) {
        SentRequest unauthenticated = caller.send(caller.invite(callee.subscriber().uri()));
        Received challenge = unauthenticated.awaitFinalResponse();
        assertThat(challenge.status()).isEqualTo(407);
        assertThat(challenge.challenges()).isNotEmpty().allMatch(c -> c.header().equals("Proxy-Authenticate"));

        SentRequest invite = caller.retryWithCredentials(unauthenticated, challenge);
        assertThat(invite.awaitResponse(100).remote()).isEqualTo(router.sipAddress(caller.transport()));
        IncomingRequest ringing = callee.awaitRequest("INVITE");
        assertThat(router.isSourceOf(ringing.request())).as("the INVITE was relayed by the router").isTrue();
        assertThat(ringing.request().recordRoutes()).as("the router stays in the dialog").isNotEmpty();
        ringing.reply(180);
        invite.awaitResponse(180);
        Dialog calleeSide = ringing.accept();
        Received ok = invite.awaitResponse(200);
        assertThat(ok.recordRoutes()).isEqualTo(ringing.request().recordRoutes());
        assertThat(ok.contactUri()).hasValue(callee.contactUri());

        Dialog callerSide = Dialog.asCaller(caller, invite, ok);
        callerSide.ack();
        IncomingRequest ack = callee.awaitRequest("ACK");
        assertThat(router.isSourceOf(ack.request())).as("the ACK was relayed by the router").isTrue();
        return new Call(callerSide, calleeSide);
    }
}
