package org.interchange.it.integrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.sip.IncomingRequest;
import org.interchange.it.support.sip.SentRequest;
import org.interchange.it.support.sip.SipAgent;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integrator refines the socket policy with a CDI decorator of their own ({@link ThroughListenerB}) added to the
 * router's WAR: calls to {@code b-side} users leave through listener {@code udp-b} (127.0.0.2), others where the
 * router's policy sends them. Where OpenSIPS asks for script changes, a Java shop drops a bean into the WAR.
 */
@ExtendWith(ArquillianExtension.class)
class DecoratedSocketPolicyIT {

    @Deployment(testable = false)
    @TargetsContainer("integrator")
    static WebArchive router() {
        return RouterDeployment.war().addClass(ThroughListenerB.class);
    }

    @ArquillianResource
    Router router;

    @Test
    void theIntegratorsDecoratorSendsBSideCallsThroughListenerB() {
        assertThat(firstHopOfACallTo("b-side")).isEqualTo(router.listener("udp-b").address());
    }

    @Test
    void otherCallsAreLeftToTheRoutersPolicy() {
        assertThat(firstHopOfACallTo("a-side")).isEqualTo(router.listener("udp").address());
    }

    /** Where an INVITE to a new user registered through listener udp comes from, as the user sees it. */
    private java.net.InetSocketAddress firstHopOfACallTo(String name) {
        try (SipAgent callee = router.agent(router.listener("udp"), Optional.of(router.newSubscriber(name)));
             SipAgent caller = router.agent(router.listener("udp"), Optional.empty())) {
            assertThat(callee.register().status()).isEqualTo(200);
            SentRequest invite = caller.send(caller.invite(callee.subscriber().uri()));
            IncomingRequest atCallee = callee.awaitRequest("INVITE");
            atCallee.reply(486);
            assertThat(invite.awaitFinalResponse().status()).isEqualTo(486);
            return atCallee.request().remote();
        }
    }
}
