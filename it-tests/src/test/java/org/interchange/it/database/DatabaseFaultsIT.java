package org.interchange.it.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.interchange.it.support.LocationBinding;
import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.database.DatabaseProxy;
import org.interchange.it.support.database.DatabaseProxy.Mode;
import org.interchange.it.support.sip.Call;
import org.interchange.it.support.sip.Digest;
import org.interchange.it.support.sip.IpFamily;
import org.interchange.it.support.sip.Received;
import org.interchange.it.support.sip.SentRequest;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.Transport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A database that stops or hangs never stalls SIP. The router runs on PostgreSQL through {@link DatabaseProxy},
 * which fails the database for real: refused connections and reset sockets (stopped), or connections that are held
 * with nothing answered (hung). While it is down, OPTIONS and the BYE of a call set up before are answered; a burst
 * of REGISTERs, more than the SIP stack has threads, waits on the database off those threads, so that an OPTIONS sent
 * after them is answered before they are; they get 500 (or, beyond the registrar's queue, 503 at once), both with
 * Retry-After; a user registered before calls another (credentials and bindings are in memory); the admin API
 * answers 503. Once the database is back, REGISTER works again and no binding stored before is lost, after a restart
 * too. OpenSIPS's usrloc in
 * {@code db_mode=1} (write-through) also keeps serving lookups from memory; its registrar answers 500 on a failed
 * write, on its worker process.
 *
 * <p>Runs on the router {@code database-faults} (arquillian.xml: {@code database.timeout} 1 s, two registrar
 * threads, a queue of four, location writing through: in write-behind mode REGISTER never meets the database).
 */
@ExtendWith({DatabaseProxy.class, ArquillianExtension.class})
class DatabaseFaultsIT {

    /** Twice as many REGISTERs as the SIP stack has threads (8), more than the registrar's threads and queue. */
    private static final int BURST = 16;

    @Deployment(testable = false)
    @TargetsContainer("database-faults")
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    private final DatabaseProxy database = DatabaseProxy.proxy();

    /**
     * Lifts the fault and waits until the router writes again: the first calls after a fault may still meet a pooled
     * connection that the fault reset (500 or 503 with Retry-After, as a phone's REGISTER would get).
     */
    @AfterEach
    void databaseBack() {
        database.switchTo(Mode.FORWARD);
        await("the admin API writing a subscriber once the database is back").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> router.newSubscriber("probe") != null);
    }

    @Test
    void stoppedDatabaseNeverStallsSip() {
        survives(Mode.REFUSE, false);
    }

    @Test
    void hungDatabaseNeverStallsSipAndLosesNothingAcrossARestart() {
        survives(Mode.HANG, true);
    }

    @Test
    void callIdLongerThanItsColumnIsABadRequestNotAFailingDatabase() {
        try (SipAgent phone = router.agent(Transport.UDP, router.newSubscriber("long"))) {
            Received response = phone.sendAuthenticated(phone.registerRequest()
                    .replacing("Call-ID", "c".repeat(300) + "@127.0.0.1")).awaitFinalResponse();

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.reason()).isEqualTo("Bad Request (Call-ID too long (at most 255 characters))");
            assertThat(response.header("Retry-After")).isEmpty();
        }
    }

    private void survives(Mode fault, boolean restartAfter) {
        try (SipAgent alice = router.registeredAgent(Transport.UDP, "alice");
             SipAgent bob = router.registeredAgent(Transport.UDP, "bob");
             SipAgent carol = router.registeredAgent(Transport.UDP, "carol")) {
            List<String> storedBefore = stored(alice, bob, carol);
            Call callBefore = Call.establish(alice, bob);

            database.switchTo(fault);

            assertThat(options(alice).awaitFinalResponse().status()).as("OPTIONS while the database is down")
                    .isEqualTo(200);
            registerBurstThenOptions(carol);
            Call.hangUp(callBefore.calleeSide(), alice);
            Call.hangUp(Call.establish(alice, bob).callerSide(), bob);
            assertThatThrownBy(() -> router.newSubscriber("dave")).as("the admin API adding a subscriber")
                    .hasMessageContaining("answered 503");

            database.switchTo(Mode.FORWARD);

            await("a REGISTER answered 200 once the database is back").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> carol.register().status(), status -> status == 200);
            assertThat(stored(alice, bob)).as("the bindings stored before the fault")
                    .isSubsetOf(storedBefore).hasSize(2);
            if (restartAfter) {
                router.restart();
                assertThat(stored(alice, bob)).as("the bindings stored before the fault, after a restart")
                        .isSubsetOf(storedBefore).hasSize(2);
            }
        }
    }

    /**
     * Sends {@link #BURST} authenticated REGISTERs at once, then an OPTIONS, and checks the order of the answers:
     * the OPTIONS is answered before the REGISTERs that wait on the database. Only the first REGISTER of each
     * registrar thread may come before it, failing at once on a connection that the fault has just reset; were the
     * REGISTERs waiting on the SIP stack's 8 threads, the OPTIONS would wait for them.
     */
    private void registerBurstThenOptions(SipAgent phone) {
        List<SentRequest> unauthenticated = IntStream.range(0, BURST)
                .mapToObj(i -> phone.send(phone.registerRequest())).toList();
        List<SentRequest> registers = unauthenticated.stream()
                .map(sent -> Digest.sign(phone.nextAttempt(sent.request()),
                        sent.awaitFinalResponse().challenges().get(0), phone.subscriber(), 1))
                .map(phone::send).toList();
        SentRequest options = options(phone);

        assertThat(options.awaitFinalResponse().status()).isEqualTo(200);
        List<Received> answers = registers.stream().map(SentRequest::awaitFinalResponse).toList();

        assertThat(answers).as("REGISTERs while the database is down").allSatisfy(answer -> {
            assertThat(answer.status()).isIn(500, 503);
            assertThat(answer.header("Retry-After")).isPresent();
        });
        assertThat(answers).as("REGISTERs that waited on the database").anyMatch(answer -> answer.status() == 500);
        List<Received> arrived = phone.received();
        int optionsAnswered = indexOf(arrived, m -> !m.isRequest() && m.cseqMethod().equals("OPTIONS"));
        long failedBeforeOptions = arrived.subList(0, optionsAnswered).stream()
                .filter(m -> !m.isRequest() && m.cseqMethod().equals("REGISTER") && m.status() == 500).count();
        assertThat(failedBeforeOptions).as("REGISTERs answered 500 before the OPTIONS, among " + arrived)
                .isLessThanOrEqualTo(router.intSetting("registrar.threads"));
    }

    private SentRequest options(SipAgent agent) {
        return agent.send(agent.request("OPTIONS", router.uri(Transport.UDP, IpFamily.IPV4)));
    }

    /** What location holds for these phones' addresses-of-record: contact, Call-ID and CSeq of each binding. */
    private List<String> stored(SipAgent... phones) {
        return Arrays.stream(phones)
                .flatMap(phone -> router.admin().bindings(phone.subscriber().user() + "@" + phone.subscriber().domain())
                        .stream())
                .map(DatabaseFaultsIT::describe).toList();
    }

    private static String describe(LocationBinding binding) {
        return binding.contact() + " " + binding.callId() + " " + binding.cseq();
    }

    private static int indexOf(List<Received> messages, Predicate<Received> which) {
        return IntStream.range(0, messages.size()).filter(i -> which.test(messages.get(i))).findFirst().orElse(-1);
    }
}
