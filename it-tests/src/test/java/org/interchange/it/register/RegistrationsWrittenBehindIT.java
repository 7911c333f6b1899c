package org.interchange.it.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.interchange.it.support.LocationBinding;
import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.sip.Call;
import org.interchange.it.support.sip.Received;
import org.interchange.it.support.sip.Received.ContactBinding;
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
 * With {@code location.db-mode = write-behind} a REGISTER is answered from memory, and its bindings reach the
 * database at the next flush or at a clean stop. The router {@code write-behind} flushes only every 60 s, so what it
 * finds after a restart right after the 200s can only have been written by the stop's flush: a registration (listed
 * by the admin API, returned to a REGISTER without Contact, and reached by a call), an unregistration and a removal
 * by the admin API ({@code location:remove}). OpenSIPS's usrloc in {@code db_mode=2} also writes its dirty contacts
 * when it shuts down.
 */
@ExtendWith(ArquillianExtension.class)
class RegistrationsWrittenBehindIT {

    @Deployment(testable = false)
    @TargetsContainer("write-behind")
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    @Test
    void changesAnsweredBeforeACleanStopAreInLocationAfterTheRestart() {
        Subscriber alice = router.newSubscriber("alice");
        Subscriber bob = router.newSubscriber("bob");
        Subscriber carol = router.newSubscriber("carol");
        try (SipAgent alicePhone = router.agent(Transport.UDP, alice);
             SipAgent bobPhone = router.agent(Transport.UDP, bob);
             SipAgent carolPhone = router.agent(Transport.UDP, carol)) {
            assertThat(alicePhone.register().status()).isEqualTo(200);
            assertThat(bobPhone.register().status()).isEqualTo(200);
            assertThat(carolPhone.register().status()).isEqualTo(200);
            Received unregistered = bobPhone.sendAuthenticated(bobPhone.registerRequest()
                    .replacing("Contact", "<" + bobPhone.contactUri() + ">;expires=0")).awaitFinalResponse();
            assertThat(unregistered.status()).isEqualTo(200);
            router.admin().removeBindings(carol.aor());

            router.restart();

            assertThat(router.admin().bindings(alice.aor())).extracting(LocationBinding::contact)
                    .containsExactly(alicePhone.contactUri());
            assertThat(router.admin().bindings(bob.aor())).as("unregistered before the stop").isEmpty();
            assertThat(router.admin().bindings(carol.aor())).as("removed by the admin API before the stop").isEmpty();
            Received fetched = alicePhone.sendAuthenticated(alicePhone.registerRequest().without("Contact"))
                    .awaitFinalResponse();
            assertThat(fetched.status()).isEqualTo(200);
            assertThat(fetched.contactBindings()).extracting(ContactBinding::uri)
                    .containsExactly(alicePhone.contactUri());
            Call.hangUp(Call.establish(bobPhone, alicePhone).calleeSide(), bobPhone);
        }
    }
}
