package org.interchange.it.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.interchange.examples.DirectionStep;
import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
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

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The examples module (examples/) in the router's WAR, end to end over SIP: the classic OpenSIPS script examples
 * written as routing steps and hooks, and the direction script as rows of the address table. The peers the examples
 * name (media servers, the media service, voicemail, the PSTN gateway) are agents at loopback addresses of their
 * own, on the router's SIP port (arquillian.xml, qualifier {@code examples}).
 */
@ExtendWith(ArquillianExtension.class)
class ExamplesIT {

    @Deployment(testable = false)
    @TargetsContainer("examples")
    static WebArchive router() {
        return RouterDeployment.war().addPackage(DirectionStep.class.getPackage());
    }

    @ArquillianResource
    Router router;

    @Test
    void theJavaDirectionStepLetsTheMediaServersRelayAndNobodyElse() {
        try (SipAgent mediaServer = at("127.0.0.3");
             SipAgent endpoint = at("127.0.0.11");
             SipAgent farEnd = SipAgent.openOn(Transport.UDP, peer("127.0.0.9"))) {
            String elsewhere = "sip:carol@127.0.0.9:" + sipPort();

            assertThat(endpoint.send(endpoint.invite(elsewhere)).awaitFinalResponse().status())
                    .as("a stranger's call to another domain").isEqualTo(403);
            SentRequest fromMedia = mediaServer.send(mediaServer.invite(elsewhere));
            farEnd.awaitRequest("INVITE").reply(486);
            assertThat(fromMedia.awaitFinalResponse().status()).as("the far end's answer reaches the media server")
                    .isEqualTo(486);
        }
    }

    @Test
    void theDirectionScriptAsRowsOfTheAddressTableTakesEffectAtOnceAndEndsWithTheRow() {
        try (SipAgent ivr = at("127.0.0.8");
             SipAgent farEnd = SipAgent.openOn(Transport.UDP, peer("127.0.0.10"))) {
            String elsewhere = "sip:carol@127.0.0.10:" + sipPort();
            assertThat(ivr.send(ivr.invite(elsewhere)).awaitFinalResponse().status())
                    .as("before the row: a stranger").isEqualTo(403);

            JsonNode row = router.admin().post("address", """
                    {"grp": 2, "ip": "127.0.0.8", "context_info": "from_ivr_voiceserver"}""");
            SentRequest trusted = ivr.send(ivr.invite(elsewhere));
            farEnd.awaitRequest("INVITE").reply(486);
            assertThat(trusted.awaitFinalResponse().status()).as("group 2 is trusted").isEqualTo(486);

            router.admin().delete("address/" + row.get("id").asLong());
            assertThat(ivr.send(ivr.invite(elsewhere)).awaitFinalResponse().status())
                    .as("after the row is removed").isEqualTo(403);
        }
    }

    @Test
    void aCallToAMediaServiceLeavesThroughTheListenerFacingTheMediaServer() {
        try (SipAgent alice = router.registeredAgent(Transport.UDP, "alice");
             SipAgent mediaService = SipAgent.openOn(Transport.UDP, peer("127.0.0.5"))) {
            SentRequest invite = alice.send(alice.invite("sip:*331234@" + router.domain()));
            IncomingRequest atMedia = mediaService.awaitRequest("INVITE");
            atMedia.reply(603); // a decline, which the voicemail example leaves alone

            assertThat(atMedia.request().requestUri()).as("the Request-URI is kept").startsWith("sip:*331234@");
            assertThat(atMedia.request().remote()).as("sent from listener udp-b")
                    .isEqualTo(router.listener("udp-b").address());
            assertThat(invite.awaitFinalResponse().status()).isEqualTo(603);
        }
    }

    @Test
    void aBusyCalleesCallGoesToVoicemailOnce() {
        Subscriber bob = router.newSubscriber("bob");
        try (SipAgent alice = router.registeredAgent(Transport.UDP, "alice");
             SipAgent bobsPhone = router.agent(Transport.UDP, bob);
             SipAgent voicemail = SipAgent.openOn(Transport.UDP, peer("127.0.0.6"))) {
            assertThat(bobsPhone.register().status()).isEqualTo(200);

            SentRequest invite = alice.sendAuthenticated(alice.invite(bob.uri()));
            bobsPhone.awaitRequest("INVITE").reply(486);
            IncomingRequest atVoicemail = voicemail.awaitRequest("INVITE");
            atVoicemail.reply(480);

            assertThat(atVoicemail.request().requestUri()).as("bob's voicemail box")
                    .startsWith("sip:" + bob.user() + "@127.0.0.6:" + sipPort());
            Received answer = invite.awaitFinalResponse();
            assertThat(answer.status()).as("voicemail's own failure goes upstream; voicemail is not called again")
                    .isIn(480, 486);
            assertThat(voicemail.received()).filteredOn(message -> message.isRequest()
                    && message.method().equals("INVITE")).as("INVITEs to voicemail").hasSize(1);
        }
    }

    @Test
    void aNumberNormalisedByTheDialplanGoesToThePstnGatewayAndARuleChangeTakesEffectOnTheNextCall() {
        try (SipAgent alice = router.registeredAgent(Transport.UDP, "alice");
             SipAgent gateway = SipAgent.openOn(Transport.UDP, peer("127.0.0.7"))) {
            JsonNode rule = router.admin().post("dialplan", """
                    {"dpid": 1, "pr": 1, "match_op": "regex", "match_exp": "^0[1-9][0-9]+$",
                     "subst_exp": "^0(.*)$", "repl_exp": "+49\\\\1"}""");

            assertThat(calledNumber(alice, gateway, "0301234567")).isEqualTo("+49301234567");

            router.admin().put("dialplan/" + rule.get("id").asLong(), """
                    {"dpid": 1, "pr": 1, "match_op": "regex", "match_exp": "^0[1-9][0-9]+$",
                     "subst_exp": "^0(.*)$", "repl_exp": "+33\\\\1"}""");
            assertThat(calledNumber(alice, gateway, "0301234567")).as("after the change, no restart")
                    .isEqualTo("+33301234567");
        }
    }

    /** The Request-URI user the gateway receives when {@code caller} dials {@code number}; the gateway declines. */
    private String calledNumber(SipAgent caller, SipAgent gateway, String number) {
        SentRequest invite = caller.sendAuthenticated(caller.invite("sip:" + number + "@" + router.domain()));
        IncomingRequest atGateway = gateway.awaitRequest("INVITE");
        atGateway.reply(603);
        assertThat(invite.awaitFinalResponse().status()).isEqualTo(603);
        String uri = atGateway.request().requestUri();
        return uri.substring("sip:".length(), uri.indexOf('@'));
    }

    /** An anonymous agent at a loopback address of its own that calls through the router. */
    private SipAgent at(String address) {
        return SipAgent.openOn(Transport.UDP, new InetSocketAddress(address, 0), router.sipAddress(Transport.UDP));
    }

    private InetSocketAddress peer(String address) {
        return new InetSocketAddress(address, sipPort());
    }

    private int sipPort() {
        return router.listener("udp").address().getPort();
    }
}
