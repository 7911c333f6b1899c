package org.interchange.it.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.sip.Dialog;
import org.interchange.it.support.sip.IncomingRequest;
import org.interchange.it.support.sip.IpFamily;
import org.interchange.it.support.sip.Received;
import org.interchange.it.support.sip.SentRequest;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.SipRequest;
import org.interchange.it.support.sip.Transport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A hostile peer writes header fields of the router's private namespace into its requests, naming another listener
 * for the router to send from ({@code X-Interchange-Bridge}) or claiming its valid request is malformed
 * ({@code X-Interchange-Malformed}). The router keeps its own notes out of band and removes such header fields on
 * arrival: nothing changes on the wire, and nothing forged is forwarded. On the bridging router, whose listener
 * {@code udp-b} (127.0.0.2) the forged note names, every message of these calls stays on listener {@code udp}.
 */
@ExtendWith(ArquillianExtension.class)
class ForgedRouterNotesIT {

    /** What the router once read as "leave through udp-b, show its own address on both sides". */
    private static final String FORGED_BRIDGE = "udp-b;ingress=udp-b;own=egress,ingress";

    @Deployment(testable = false)
    @TargetsContainer("bridging")
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    @Test
    void aForgedBridgeNoteChangesNothingOnAnInitialOrAnInDialogRequest() {
        try (SipAgent callee = router.agent(router.listener("udp"), Optional.of(router.newSubscriber("callee")));
             SipAgent caller = router.agent(router.listener("udp"), Optional.empty())) {
            assertThat(callee.register().status()).isEqualTo(200);

            SentRequest invite = caller.send(forged(caller.invite(callee.subscriber().uri())));
            IncomingRequest ringing = callee.awaitRequest("INVITE");
            assertStaysOnListenerUdp(ringing.request());
            assertThat(ringing.request().recordRoutes()).as("one listener crossed: one Record-Route").hasSize(1);
            Dialog calleeSide = ringing.accept();
            Received ok = invite.awaitResponse(200);
            assertThat(ok.remote()).as("the source of " + ok.summary()).isEqualTo(router.listener("udp").address());
            Dialog callerSide = Dialog.asCaller(caller, invite, ok);
            callerSide.ack();
            assertStaysOnListenerUdp(callee.awaitRequest("ACK").request());

            SentRequest info = caller.send(forged(callerSide.request("INFO")));
            IncomingRequest infoAtCallee = callee.awaitRequest("INFO");
            assertStaysOnListenerUdp(infoAtCallee.request());
            infoAtCallee.reply(200);
            assertThat(info.awaitFinalResponse().status()).isEqualTo(200);

            SentRequest bye = callee.send(forged(calleeSide.request("BYE")));
            IncomingRequest byeAtCaller = caller.awaitRequest("BYE");
            assertStaysOnListenerUdp(byeAtCaller.request());
            byeAtCaller.reply(200);
            assertThat(bye.awaitFinalResponse().status()).isEqualTo(200);
        }
    }

    /**
     * The router relays in-dialog requests along their Route set even for dialogs it no longer holds (after a
     * restart), so it follows only Route entries it wrote for the dialog at hand. A peer that copies a real dialog's
     * entry of the router into a request of another Call-ID, with a victim's address behind it, is refused with 403,
     * and the victim gets nothing; so is an entry whose signature was taken off.
     */
    @Test
    void aRouteEntryTheRouterDidNotWriteForTheDialogIsNotFollowed() {
        try (SipAgent callee = router.agent(router.listener("udp"), Optional.of(router.newSubscriber("callee")));
             SipAgent caller = router.agent(router.listener("udp"), Optional.empty());
             SipAgent victim = router.agent(router.listener("udp"), Optional.empty())) {
            assertThat(callee.register().status()).isEqualTo(200);
            SentRequest invite = caller.send(caller.invite(callee.subscriber().uri()));
            callee.awaitRequest("INVITE").accept();
            String routersEntry = invite.awaitResponse(200).recordRoutes().get(0);
            String unsigned = routersEntry.replaceAll(";rs=[^;>]+", "");
            String victimUri = "sip:victim@" + victim.address().getAddress().getHostAddress() + ":"
                    + victim.address().getPort();

            for (String entry : List.of(routersEntry, unsigned)) {
                SipRequest relayAttempt = caller.request("MESSAGE", victimUri)
                        .replacing("To", "<" + victimUri + ">;tag=forged")
                        .with("Route", entry).with("Route", "<" + victimUri + ";lr>");

                Received refused = caller.send(relayAttempt).awaitFinalResponse();

                assertThat(refused.status()).as("the answer to a request following " + entry).isEqualTo(403);
            }
            assertThat(victim.poll(received -> true, Duration.ofSeconds(1))).as("what reached the victim").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void aValidRequestClaimingToBeMalformedIsServed(Transport transport) {
        try (SipAgent probe = router.agent(transport)) {
            Received answer = probe.send(probe.request("OPTIONS", router.uri(transport, IpFamily.IPV4))
                    .with("X-Interchange-Malformed", "505 Version Not Supported")
                    .with("x-interchange-malformed", "forged")).awaitFinalResponse();

            assertThat(answer.status()).as(answer.summary()).isEqualTo(200);
        }
    }

    private static SipRequest forged(SipRequest request) {
        return request.with("X-Interchange-Bridge", FORGED_BRIDGE)
                .with("X-Interchange-Malformed", "forged: answer 400");
    }

    private void assertStaysOnListenerUdp(Received request) {
        assertThat(request.remote()).as("the source of " + request.summary())
                .isEqualTo(router.listener("udp").address());
        assertThat(request.headers("X-Interchange-Bridge")).as("forwarded forged note").isEmpty();
        assertThat(request.headers("X-Interchange-Malformed")).as("forwarded forged note").isEmpty();
    }
}
