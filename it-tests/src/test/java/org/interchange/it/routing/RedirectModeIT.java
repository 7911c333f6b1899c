package org.interchange.it.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.sip.Received;
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

/**
 * Redirect mode for a domain ({@code proxy.redirect-domains}, the router as an RFC 3261 redirect server): a call to
 * a registered user is answered 302 with the user's contacts, most preferred first, each with its q-value and the
 * seconds its binding has left, and no INVITE reaches the phones; a user without bindings gets the proxy's 480.
 * OpenSIPS does this with {@code lookup("location")} and {@code t_reply(302)} after {@code append_branch}.
 */
@ExtendWith(ArquillianExtension.class)
class RedirectModeIT {

    private static final Pattern PARAMS = Pattern.compile("q=([0-9.]+);expires=([0-9]+)");

    @Deployment(testable = false)
    @TargetsContainer("redirect")
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    @Test
    void aCallToARegisteredUserIsAnswered302WithItsContactsAndNotProxied() {
        Subscriber bob = router.newSubscriber("bob");
        try (SipAgent desk = router.agent(Transport.UDP, bob);
             SipAgent mobile = router.agent(Transport.TCP, bob);
             SipAgent caller = router.agent(Transport.UDP)) {
            assertThat(register(desk, "1.0", 600).status()).isEqualTo(200);
            assertThat(register(mobile, "0.5", 300).status()).isEqualTo(200);

            Received response = caller.send(caller.invite(bob.uri())).awaitFinalResponse();

            assertThat(response.status()).as(response.summary()).isEqualTo(302);
            List<String> contacts = response.headers("Contact");
            assertThat(contacts).hasSize(2);
            assertContact(contacts.get(0), desk.contactUri(), "1.0", 600);
            assertContact(contacts.get(1), mobile.contactUri(), "0.5", 300);
            assertThat(desk.poll(Received::isRequest, Duration.ofSeconds(1))).as("a request at the desk phone")
                    .isEmpty();
            assertThat(mobile.poll(Received::isRequest, Duration.ofSeconds(1))).as("a request at the mobile")
                    .isEmpty();
        }
    }

    @Test
    void aUserWithoutBindingsGetsTheProxysAnswer() {
        Subscriber carol = router.newSubscriber("carol");
        try (SipAgent caller = router.agent(Transport.UDP)) {
            Received response = caller.send(caller.invite(carol.uri())).awaitFinalResponse();

            assertThat(response.status()).isEqualTo(480);
        }
    }

    private static Received register(SipAgent phone, String q, int expires) {
        return phone.sendAuthenticated(phone.registerRequest()
                .replacing("Contact", "<" + phone.contactUri() + ">;q=" + q + ";expires=" + expires))
                .awaitFinalResponse();
    }

    /** A Contact {@code <uri>;q=..;expires=..} of the contact, q-value and at most the seconds registered. */
    private static void assertContact(String contact, String uri, String q, int registeredFor) {
        assertThat(contact).startsWith("<" + uri + ">;");
        Matcher params = PARAMS.matcher(contact.substring(uri.length() + 3));
        assertThat(params.matches()).as("the parameters of " + contact).isTrue();
        assertThat(params.group(1)).isEqualTo(q);
        assertThat(Integer.parseInt(params.group(2))).as("expires of " + contact).isBetween(1, registeredFor);
    }
}
