package org.interchange.it.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.interchange.it.support.Router;
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
 * An integrator's request steps, CDI beans added to the WAR and placed in the route by their {@code @Priority}: a
 * step just before {@code location-lookup} rewrites the Request-URI's user and the router's lookup finds the new
 * user ({@code $rU = ...; lookup("location")}); a step answers as a redirect server ({@code sl_send_reply(302)}
 * with Contacts); a step with a bug gets the request 500, the router's log names the step, and the next call goes
 * through.
 */
@ExtendWith(ArquillianExtension.class)
class RequestStepIT {

    private static final Pattern CONTACT = Pattern.compile("<([^>]+)>(.*)");

    @Deployment(testable = false)
    @TargetsContainer(RoutingDeployment.CONTAINER)
    static WebArchive router() {
        return RoutingDeployment.war();
    }

    @ArquillianResource
    Router router;

    @Test
    void aStepJustBeforeLocationLookupChangesWhomTheLookupFinds() {
        try (SipAgent carol = router.registeredAgent(Transport.UDP, "carol");
             SipAgent caller = router.agent(Transport.UDP)) {
            String alias = AliasStep.PREFIX + carol.subscriber().user();

            SentRequest invite = caller.send(caller.invite("sip:" + alias + "@" + router.domain()));
            IncomingRequest atCarol = carol.awaitRequest("INVITE");
            atCarol.reply(486);

            assertThat(invite.awaitFinalResponse().status()).isEqualTo(486);
            assertThat(atCarol.request().requestUri()).as("the lookup's contact of the user the step named")
                    .isEqualTo(carol.contactUri());
            assertThat(atCarol.request().header("X-Routing-It-Alias")).as("the header the step added")
                    .hasValue(alias);
        }
    }

    @Test
    void aStepThatRedirectsIsAnswered302WithItsContactsQValuesAndExpiry() {
        try (SipAgent caller = router.agent(Transport.UDP)) {
            Received response = caller.send(caller.invite("sip:" + RedirectingStep.USER + "@" + router.domain()))
                    .awaitFinalResponse();

            assertThat(response.status()).isEqualTo(302);
            assertThat(response.reason()).isEqualTo("Moved Temporarily");
            assertThat(contacts(response)).containsExactly(
                    "sip:rt-moved@192.0.2.10:5070 q=1.0 expires=120",
                    "sip:rt-moved@192.0.2.11;transport=tcp q=0.5");
        }
    }

    @Test
    void aStepThatThrowsIsAnswered500TheLogNamesItAndTheNextCallGoesThrough() {
        try (SipAgent dave = router.registeredAgent(Transport.UDP, "dave");
             SipAgent caller = router.agent(Transport.UDP)) {
            Received failed = caller.send(caller.invite("sip:" + ThrowingStep.USER + "@" + router.domain()))
                    .awaitFinalResponse();

            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.reason()).contains(ThrowingStep.NAME);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Files.readString(router.log()))
                    .as("the router's log (" + router.log() + ")")
                    .contains("route step " + ThrowingStep.NAME + " failed")
                    .contains("thrown on purpose by the routing ITs"));

            SentRequest invite = caller.send(caller.invite(dave.subscriber().uri()));
            dave.awaitRequest("INVITE").accept();
            Received ok = invite.awaitResponse(200);
            Calls.acknowledgeAndHangUp(caller, invite, ok, dave);
        }
    }

    /** Each Contact as {@code uri q=... expires=...}, its parameters in the order they came. */
    static List<String> contacts(Received response) {
        return response.headers("Contact").stream().map(value -> {
            Matcher contact = CONTACT.matcher(value);
            if (!contact.matches()) {
                throw new AssertionError("not a Contact in angle brackets: " + value);
            }
            String params = contact.group(2).replace(";", " ").trim();
            return (contact.group(1) + " " + params).trim();
        }).toList();
    }
}
