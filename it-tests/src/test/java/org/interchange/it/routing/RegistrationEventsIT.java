package org.interchange.it.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.interchange.it.support.Router;
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

/**
 * Registration events ({@code event_route} on {@code E_UL_CONTACT_INSERT}, {@code _UPDATE}, {@code _DELETE}): a
 * CDI observer in the WAR ({@link RegistrationRecorder}) sees a phone's first REGISTER as ADDED, its refresh (the
 * same Call-ID, a higher CSeq) as REFRESHED and its unregistration (expires 0) as REMOVED, each by the time the
 * phone has the registrar's 200; a step ({@link ProbeStep}) tells what it saw.
 */
@ExtendWith(ArquillianExtension.class)
class RegistrationEventsIT {

    @Deployment(testable = false)
    @TargetsContainer(RoutingDeployment.CONTAINER)
    static WebArchive router() {
        return RoutingDeployment.war();
    }

    @ArquillianResource
    Router router;

    @Test
    void registerRefreshAndUnregisterAreAddedRefreshedAndRemoved() {
        try (SipAgent phone = router.agent(Transport.UDP, router.newSubscriber(RegistrationRecorder.PREFIX + "bob"));
             SipAgent client = router.agent(Transport.UDP)) {
            String aor = phone.subscriber().aor();
            SentRequest registered = phone.sendAuthenticated(phone.registerRequest());
            assertThat(registered.awaitFinalResponse().status()).isEqualTo(200);
            assertThat(events(client, aor)).containsExactly("ADDED");

            SipRequest refresh = phone.nextAttempt(registered.request()).without("Authorization");
            assertThat(phone.sendAuthenticated(refresh).awaitFinalResponse().status()).isEqualTo(200);
            assertThat(events(client, aor)).containsExactly("ADDED", "REFRESHED");

            SipRequest unregister = phone.nextAttempt(phone.nextAttempt(refresh)).without("Authorization")
                    .replacing("Contact", "<" + phone.contactUri() + ">;expires=0");
            assertThat(phone.sendAuthenticated(unregister).awaitFinalResponse().status()).isEqualTo(200);
            assertThat(router.admin().bindings(aor)).as("bindings left").isEmpty();
            assertThat(events(client, aor)).containsExactly("ADDED", "REFRESHED", "REMOVED");
        }
    }

    private List<String> events(SipAgent client, String aor) {
        Received answer = client.send(client.request("MESSAGE", "sip:" + ProbeStep.PREFIX + "events@"
                + router.domain()).with("X-Routing-It-Aor", aor)).awaitFinalResponse();
        assertThat(answer.status()).as(answer.summary()).isEqualTo(200);
        String kinds = answer.header("X-Routing-It-Events").orElse("").trim();
        return kinds.isEmpty() ? List.of() : List.of(kinds.split(" "));
    }
}
