package org.interchange.it.bridging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.Optional;

import org.interchange.it.support.Router;
import org.interchange.it.support.Router.Listener;
import org.interchange.it.support.RouterDeployment;
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
 * Socket rules of the bridging router's configuration choose the listener a call leaves through, as OpenSIPS's
 * {@code $fs} does from its script: numbers {@code *33...} go to the media server 127.0.0.5 from listener
 * {@code udp-b} (the seed's "to the media server from the private listener", on loopback), and a call that arrives
 * over TCP for a {@code tcp2udp-} user leaves over UDP from the address it arrived on (OpenSIPS
 * {@code $fs = "udp:" + $Ri + ":5060"}), whatever listener that user registered through.
 */
@ExtendWith(ArquillianExtension.class)
class SocketRulesIT {

    @Deployment(testable = false)
    @TargetsContainer("bridging")
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    @Test
    void aStar33NumberGoesToTheMediaServerFromTheRulesListener() {
        Listener udpB = router.listener("udp-b");
        InetSocketAddress mediaServerAddress = new InetSocketAddress("127.0.0.5", udpB.address().getPort());
        try (SipAgent caller = router.agent(router.listener("udp"), Optional.empty());
             SipAgent mediaServer = SipAgent.openOn(Transport.UDP, mediaServerAddress)) {
            long ruleDecisions = router.admin().socketDecisions().get("rule");
            SentRequest invite = caller.send(caller.invite("sip:*331234@" + router.domain()));

            IncomingRequest atMediaServer = mediaServer.awaitRequest("INVITE");
            assertThat(atMediaServer.request().requestUri()).isEqualTo("sip:*331234@" + router.domain());
            assertThat(atMediaServer.request().remote()).as("where the INVITE came from").isEqualTo(udpB.address());
            atMediaServer.reply(486);
            assertThat(invite.awaitFinalResponse().status()).isEqualTo(486);
            assertThat(router.admin().socketDecisions().get("rule")).as("decisions counted as the rule's")
                    .isGreaterThan(ruleDecisions);
        }
    }

    /**
     * A listener behind NAT advertises its public address (udp-b: 127.0.0.9:5099 here): a peer outside
     * {@code socket.private-networks} (127.0.0.3) sees it in the Via and Record-Route, while peers of those networks
     * (the agents on 127.0.0.1, as every other scenario shows) see its own address, which they reach directly.
     */
    @Test
    void aPeerOutsideThePrivateNetworksSeesTheAdvertisedAddress() {
        Listener udpB = router.listener("udp-b");
        InetSocketAddress publicPeerAddress = new InetSocketAddress("127.0.0.3", udpB.address().getPort());
        try (SipAgent caller = router.agent(router.listener("udp"), Optional.empty());
             SipAgent publicPeer = SipAgent.openOn(Transport.UDP, publicPeerAddress)) {
            caller.send(caller.invite("sip:carol@127.0.0.3:" + publicPeerAddress.getPort()));

            Received atPeer = publicPeer.awaitRequest("INVITE").request();
            assertThat(atPeer.remote()).as("where the INVITE came from").isEqualTo(udpB.address());
            assertThat(atPeer.headers("Via").get(0)).startsWith("SIP/2.0/UDP 127.0.0.9:5099;");
            assertThat(atPeer.recordRoutes().get(0)).startsWith("<sip:127.0.0.9:5099;transport=udp;");
            assertThat(atPeer.recordRoutes().get(1)).as("towards the caller, on 127.0.0.1")
                    .startsWith("<sip:127.0.0.1:" + router.listener("udp").address().getPort() + ";transport=udp;");
        }
    }

    @Test
    void aCallArrivingOverTcpLeavesOverUdpFromTheAddressItArrivedOn() {
        Listener tcp = router.listener("tcp");
        Listener udp = router.listener("udp");
        try (SipAgent callee = router.agent(router.listener("udp-b"), Optional.of(router.newSubscriber("tcp2udp")));
             SipAgent caller = router.agent(tcp, Optional.empty())) {
            assertThat(callee.register().status()).isEqualTo(200);

            SentRequest invite = caller.send(caller.invite(callee.subscriber().uri()));

            IncomingRequest atCallee = callee.awaitRequest("INVITE");
            Received request = atCallee.request();
            assertThat(request.transport()).isEqualTo(Transport.UDP);
            assertThat(request.remote()).as("from the UDP listener on the TCP listener's address, not from udp-b "
                    + "where the callee registered").isEqualTo(udp.address());
            assertThat(tcp.address().getAddress()).isEqualTo(udp.address().getAddress());
            atCallee.reply(486);
            assertThat(invite.awaitFinalResponse().status()).isEqualTo(486);
        }
    }
}
