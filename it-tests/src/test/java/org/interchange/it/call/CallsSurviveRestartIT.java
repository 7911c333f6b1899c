package org.interchange.it.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.interchange.it.support.Router;
import org.interchange.it.support.Router.Listener;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.sip.Dialog;
import org.interchange.it.support.sip.IncomingRequest;
import org.interchange.it.support.sip.Received;
import org.interchange.it.support.sip.SentRequest;
import org.interchange.it.support.sip.SipAgent;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import gov.nist.javax.sip.address.SipUri;

/**
 * Calls are up when the router restarts (a deployment, a crash): their BYE, from either side, still reaches the other
 * side through the listeners the dialog was record-routed through, and the 200 comes back. The router writes the same
 * Record-Route from one start to the next, and relays in-dialog requests of dialogs it no longer holds along their
 * Route set, as Kamailio's and OpenSIPS's {@code loose_route()}, which keep no dialog state, do. MSS alone named itself
 * anew at each start and answered such requests 481.
 */
@ExtendWith(ArquillianExtension.class)
class CallsSurviveRestartIT {

    @Deployment(testable = false)
    @TargetsContainer("bridging")
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    @Test
    void aByeAfterARestartReachesTheOtherSideFromEitherSide() {
        Listener udp = router.listener("udp");
        Listener udpB = router.listener("udp-b");
        try (Call onOneListener = establish(udp, udp); Call acrossTwo = establish(udp, udpB)) {
            String serverBefore = serverId(onOneListener.recordRoute());

            router.restart();

            hangUp(onOneListener.callerSide(), onOneListener.callee(), onOneListener.out());
            hangUp(acrossTwo.calleeSide(), acrossTwo.caller(), acrossTwo.in());
            try (Call afterRestart = establish(udp, udp)) {
                assertThat(serverId(afterRestart.recordRoute())).as("the router's name in its Record-Route")
                        .isEqualTo(serverBefore);
                hangUp(afterRestart.callerSide(), afterRestart.callee(), afterRestart.out());
            }
        }
    }

    /** Sends a BYE from one side; the other side gets it from {@code from} and answers 200, which comes back. */
    private static void hangUp(Dialog side, SipAgent otherSide, Listener from) {
        SentRequest bye = side.send("BYE");
        IncomingRequest arrived = otherSide.awaitRequest("BYE");
        assertThat(arrived.request().remote()).as("the source of " + arrived.request().summary())
                .isEqualTo(from.address());
        arrived.reply(200);
        assertThat(bye.awaitFinalResponse().status()).as("the answer to the BYE").isEqualTo(200);
    }

    private record Call(Listener in, Listener out, SipAgent caller, SipAgent callee, Dialog callerSide,
                        Dialog calleeSide, List<String> recordRoute) implements AutoCloseable {
        @Override
        public void close() {
            caller.close();
            callee.close();
        }
    }

    /** A call answered and acknowledged, from a caller on listener {@code in} to a callee registered through {@code out}. */
    private Call establish(Listener in, Listener out) {
        SipAgent callee = router.agent(out, Optional.of(router.newSubscriber("callee")));
        SipAgent caller = router.agent(in, Optional.empty());
        assertThat(callee.register().status()).isEqualTo(200);
        SentRequest invite = caller.send(caller.invite(callee.subscriber().uri()));
        IncomingRequest ringing = callee.awaitRequest("INVITE");
        Dialog calleeSide = ringing.accept();
        Received ok = invite.awaitResponse(200);
        Dialog callerSide = Dialog.asCaller(caller, invite, ok);
        callerSide.ack();
        callee.awaitRequest("ACK");
        return new Call(in, out, caller, callee, callerSide, calleeSide, ok.recordRoutes());
    }

    /** The {@code as} parameter MSS names the router by in its Record-Route entries. */
    private static String serverId(List<String> recordRoute) {
        assertThat(recordRoute).as("the dialog's Record-Route").isNotEmpty();
        SipUri uri = Received.routeUri(recordRoute.get(0));
        assertThat(uri.getParameter("as")).as("the server id in " + recordRoute.get(0)).isNotNull();
        return uri.getParameter("as");
    }
}
