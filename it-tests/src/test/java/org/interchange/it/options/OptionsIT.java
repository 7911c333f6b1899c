package org.interchange.it.options;

import static org.assertj.core.api.Assertions.assertThat;

import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.sip.IpFamily;
import org.interchange.it.support.sip.Received;
import org.interchange.it.support.sip.SipAgent;
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
