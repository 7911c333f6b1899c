package org.interchange.it.malformed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Implementations send the router the 49 torture messages of RFC 4475, valid and invalid: line folding, escapes,
 * odd methods and schemes, broken framing, responses that answer nothing. Each gets the lenient outcome the data's
 * README gives it: processed where the message is valid or a liberal element may take it, 400 (or the code the RFC
 * names) where a reply is possible, silence where it is not, never a crash, and the router goes on serving. The
 * README also records what Kamailio 5.6.3 does with each; OpenSIPS's parser, like Kamailio's, drops much of what
 * it cannot parse.
 *
 * <p>Each message is sent as the README's addressing rule says ({@link TortureMessage}), from an agent of its own:
 * many share the branch {@code z9hG4bKkdjuw}, and RFC 3261 17.2.3 makes a request from another sent-by a
 * transaction of its own. The data lives outside the repository ({@code -Dinterchange.it.rfc4475}, set by the pom);
 * without it the test is skipped (disabled, with the reason).
 */
@ExtendWith(ArquillianExtension.class)
class TortureMessagesIT {

    /** The system property naming the data directory. */
    static final String DATA_PROPERTY = "interchange.it.rfc4475";

    /** How long nothing must come back for a message to count as dropped. */
    private static final Duration SILENCE = Duration.ofSeconds(2);

    @Deployment(testable = false)
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    /** What came back for a message the test sent. */
    private record Exchange(Outcome outcome, List<String> unusable, Optional<Received> replyToTrailing, String report) {
    }

    static boolean theMessagesArePresent() {
        return Files.isDirectory(dataDirectory());
    }

    static Stream<TortureCase> messages() throws IOException {
        return TortureCase.all(dataDirectory()).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    @EnabledIf(value = "theMessagesArePresent", disabledReason = "the RFC 4475 torture messages are not there: -D"
            + DATA_PROPERTY + " names their directory; the pom's default, shared/testdata/rfc4475 beside the "
            + "repository, is not in every clone")
    void eachMessageGetsItsLenientOutcomeAndTheRouterKeepsServing(TortureCase torture) {
        TortureMessage message = torture.message();
        Expectation expectation = torture.expectation();

        Exchange exchange = exchange(message, expectation);

        assertThat(exchange.unusable()).as("what came back unparseable; %s", exchange.report()).isEmpty();
        assertThat(expectation.admits(exchange.outcome()))
                .as("%s: expected %s, got %s; %s", message, expectation, exchange.outcome(), exchange.report()).isTrue();
        assertThat(exchange.replyToTrailing()).as("a reply to the octets after the first message, which must be "
                + "ignored (RFC 3261 18.3); %s", exchange.report()).isEmpty();
        assertStillServing();
    }

    @Test
    void aSecondSenderReusingTheBranchOfAnAnsweredRequestIsAnsweredToo() {
        String branch = "z9hG4bK" + UUID.randomUUID().toString().replace("-", "");
        try (SipAgent first = router.agent(Transport.UDP); SipAgent second = router.agent(Transport.UDP)) {
            Received firstAnswer = first.send(optionsWithBranch(first, branch)).awaitFinalResponse();
            Received secondAnswer = second.send(optionsWithBranch(second, branch)).awaitFinalResponse();

            assertThat(firstAnswer.status()).isEqualTo(200);
            assertThat(secondAnswer.status()).as("the answer to the second sender").isEqualTo(200);
        }
    }

    /**
     * Sends a message from an agent of its own and sees what comes back: until a final response or a forwarded
     * request arrives, for up to {@link SipAgent#WAIT}, or {@link #SILENCE} where silence is a correct answer. Replies to
     * octets after the first message are watched apart, for {@link #SILENCE}.
     */
    private Exchange exchange(TortureMessage message, Expectation expectation) {
        Transport transport = message.transport();
        InetSocketAddress server = router.sipAddress(transport);
        try (SipAgent sender = router.agent(transport)) {
            byte[] sent = message.addressed(server, sender.address());
            sender.sendRaw(sent, server);
            Set<String> trailing = message.trailingBranches();
            Predicate<Received> answersTrailing = received -> !received.isRequest()
                    && trailing.contains(received.branch());

            sender.poll(received -> received.isRequest() || received.isFinal() && !answersTrailing.test(received),
                    expectation.admitsSilence() ? SILENCE : SipAgent.WAIT);
            Outcome outcome = Outcome.of(sender.received().stream().filter(answersTrailing.negate()).toList());
            Optional<Received> replyToTrailing = trailing.isEmpty() ? Optional.empty()
                    : sender.poll(answersTrailing, SILENCE);
            String report = "sent over " + transport + " to " + server + ":\n"
                    + new String(sent, StandardCharsets.ISO_8859_1) + "\nreceived:\n" + summaries(sender.received());
            return new Exchange(outcome, sender.unusable(), replyToTrailing, report);
        }
    }

    private static Path dataDirectory() {
        return Path.of(System.getProperty(DATA_PROPERTY, "../../shared/testdata/rfc4475"));
    }

    private SipRequest optionsWithBranch(SipAgent agent, String branch) {
        return agent.request("OPTIONS", router.uri(Transport.UDP, IpFamily.IPV4))
                .replacing("Via", agent.via().replaceFirst("branch=[^;]+", "branch=" + branch));
    }

    private void assertStillServing() {
        try (SipAgent probe = router.agent(Transport.UDP)) {
            Received ok = probe.send(probe.request("OPTIONS", router.uri(Transport.UDP, IpFamily.IPV4)))
                    .awaitFinalResponse();
            assertThat(ok.status()).as("OPTIONS after the torture message").isEqualTo(200);
        }
    }

    private static String summaries(List<Received> received) {
        return received.isEmpty() ? "  nothing"
                : received.stream().map(message -> "  " + message.summary()).collect(Collectors.joining("\n"));
    }
}
