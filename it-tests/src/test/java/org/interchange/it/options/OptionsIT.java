package org.interchange.it.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;

import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.sip.IpFamily;
import org.interchange.it.support.sip.Received;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.SipRequest;
import org.interchange.it.support.sip.Transport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A user agent or monitoring probe sends OPTIONS to the router itself (a Request-URI with no user part, naming one
 * of its listeners) and gets 200 with Allow, the methods the router handles itself, from the listener it asked,
 * on every transport and address family. OpenSIPS answers such keep-alive pings the same way in its script
 * ({@code is_myself} and {@code sl_send_reply 200}).
 */
@ExtendWith(ArquillianExtension.class)
class OptionsIT {

    @Deployment(testable = false)
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    @Test
    void optionsOverUdpIsAnsweredWithAllow() {
        optionsIsAnsweredWithAllow(Transport.UDP, IpFamily.IPV4);
    }

    @Test
    void optionsOverTcpIsAnsweredWithAllow() {
        optionsIsAnsweredWithAllow(Transport.TCP, IpFamily.IPV4);
    }

    @Test
    void optionsOverTlsIsAnsweredWithAllow() {
        optionsIsAnsweredWithAllow(Transport.TLS, IpFamily.IPV4);
    }

    @Test
    void optionsOverUdpOnIpv6IsAnsweredWithAllow() {
        optionsIsAnsweredWithAllow(Transport.UDP, IpFamily.IPV6);
    }

    /** What {@code sipsak -s sip:ping@127.0.0.1:5060} sends: a user nobody is, which the router answers itself. */
    @Test
    void aPingToAUserNobodyIsIsAnsweredByTheRouter() {
        try (SipAgent probe = router.agent(Transport.UDP)) {
            Received ok = probe.send(probe.request("OPTIONS", "sip:ping@" + router.domain() + ":"
                    + router.sipAddress(Transport.UDP).getPort())).awaitFinalResponse();

            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.allowedMethods()).contains("OPTIONS", "REGISTER");
        }
    }

    /**
     * A ping to a listener's address is answered by the SIP stack, without the application; one to a user nobody is
     * by the application. Both say the same, and a retransmitted ping gets the same answer, To tag included.
     */
    @Test
    void theStackAnswersPingsAsTheApplicationDoes() {
        try (SipAgent probe = router.agent(Transport.UDP)) {
            SipRequest ping = probe.request("OPTIONS", router.uri(Transport.UDP, IpFamily.IPV4));
            Received byStack = probe.send(ping).awaitFinalResponse();
            probe.send(ping); // a retransmission: its answer is in the agent's list, not handed to a wait
            await("the answer to the retransmitted ping").atMost(SipAgent.WAIT).until(() -> probe.received().stream()
                    .filter(received -> byStack.branch().equals(received.branch())).count() == 2);
            Received byApplication = probe.send(probe.request("OPTIONS", "sip:ping@" + router.domain() + ":"
                    + router.sipAddress(Transport.UDP).getPort())).awaitFinalResponse();

            assertThat(probe.received()).filteredOn(received -> byStack.branch().equals(received.branch()))
                    .as("the ping and its retransmission get the same 200").hasSize(2)
                    .allSatisfy(ok -> assertThat(ok.toTag()).isEqualTo(byStack.toTag()));
            for (Received ok : List.of(byStack, byApplication)) {
                assertThat(ok.status()).isEqualTo(200);
                assertThat(ok.allowedMethods()).containsExactly("OPTIONS", "REGISTER");
                assertThat(ok.header("Accept")).contains("application/sdp");
                assertThat(ok.header("Supported")).contains("path");
                assertThat(ok.toTag()).isPresent();
            }
        }
    }

    private void optionsIsAnsweredWithAllow(Transport transport, IpFamily family) {
        try (SipAgent probe = router.agent(transport, family)) {
            Received ok = probe.send(probe.request("OPTIONS", router.uri(transport, family))).awaitFinalResponse();

            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.allowedMethods()).contains("OPTIONS", "REGISTER");
            assertThat(ok.remote()).as("the listener that was asked answers")
                    .isEqualTo(router.sipAddress(transport, family));
        }
    }
}
