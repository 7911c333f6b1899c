package org.interchange.it.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.events.RabbitNode;
import org.interchange.it.support.events.WebhookReceiver;
import org.interchange.it.support.events.WebhookReceiver.Post;
import org.interchange.it.support.sip.AgentPorts;
import org.interchange.it.support.sip.SentRequest;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.SipRequest;
import org.interchange.it.support.sip.Transport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Events leave the router (OpenSIPS's event interface with {@code event_rabbitmq}, Kamailio's {@code rabbitmq} and
 * {@code http_async_client}): a phone's REGISTER, refresh and unregistration reach a webhook of the test as
 * {@code E_UL_CONTACT_INSERT}, {@code _UPDATE} and {@code _DELETE} with the binding's fields, a second webhook
 * (inserts only) with the configured header and the body's HMAC signature, and the machine's RabbitMQ as persistent
 * messages routed by name. A webhook that answers 503 gets them again, in order, once it answers 204. A socket
 * rule naming a listener that cannot reach its callee is reported as {@code E_SOCKET_FALLBACK}. A RabbitMQ
 * node of the test's own is stopped: phones register and unregister meanwhile,
 * answered as always; the event that grew older than {@code events.max-age} (30 s here) while it was down is dropped
 * and counted, and when it is back the younger events arrive, in order, through a connection the router opened again.
 * The router's container is {@code events} (arquillian.xml); the receiver and the node listen at the top of the
 * agents' port range.
 */
@ExtendWith(ArquillianExtension.class)
class EventsIT {

    private static final String CONTAINER = "events";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The machine's broker, which the test never stops. */
    private static final int MACHINE_BROKER_PORT = 5672;
    private static final String MACHINE_EXCHANGE = "interchange.events.it";
    private static final String NODE_QUEUE = "interchange-events-it";
    /** Longer than events.max-age, plus the time the router's backoff takes to look again. */
    private static final Duration OUTAGE_WAIT = Duration.ofSeconds(60);

    private static WebhookReceiver webhook;
    private static Connection machineBroker;
    private static final List<JsonNode> machineMessages = new CopyOnWriteArrayList<>();
    private static final List<Integer> machineDeliveryModes = new CopyOnWriteArrayList<>();

    @Deployment(testable = false)
    @TargetsContainer(CONTAINER)
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    @BeforeAll
    static void listen() throws IOException, TimeoutException {
        webhook = WebhookReceiver.start(new InetSocketAddress("127.0.0.1", AgentPorts.fromTop(0)));
        machineBroker = connect(MACHINE_BROKER_PORT);
        Channel channel = machineBroker.createChannel();
        channel.exchangeDeclare(MACHINE_EXCHANGE, BuiltinExchangeType.TOPIC, true);
        String queue = channel.queueDeclare().getQueue();
        // a topic's wildcards match whole dot-separated words: the names are bound one by one
        for (String name : List.of("E_UL_CONTACT_INSERT", "E_UL_CONTACT_UPDATE", "E_UL_CONTACT_DELETE")) {
            channel.queueBind(queue, MACHINE_EXCHANGE, name);
        }
        channel.basicConsume(queue, true, (tag, delivery) -> {
            machineDeliveryModes.add(delivery.getProperties().getDeliveryMode());
            machineMessages.add(JSON.readTree(delivery.getBody()));
        }, tag -> { });
    }

    @AfterAll
    static void stopListening() throws IOException {
        webhook.close();
        machineBroker.close();
    }

    @Test
    void registerRefreshAndUnregisterReachTheWebhooksAndTheMachinesBroker() throws GeneralSecurityException {
        try (SipAgent phone = router.agent(Transport.UDP, router.newSubscriber("ev-phone"))) {
            String aor = phone.subscriber().aor();
            SipRequest register = registerRefreshAndUnregister(phone);

            await().atMost(SipAgent.WAIT).until(() -> forAor(webhook.postsTo("/hook"), aor).size() == 3);
            List<Post> posts = forAor(webhook.postsTo("/hook"), aor);
            assertThat(posts).extracting(Post::name)
                    .containsExactly("E_UL_CONTACT_INSERT", "E_UL_CONTACT_UPDATE", "E_UL_CONTACT_DELETE");
            Post insert = posts.get(0);
            assertThat(insert.header("Content-Type")).contains("application/json");
            assertThat(insert.header("X-Interchange-Event")).contains("E_UL_CONTACT_INSERT");
            assertThat(insert.json().path("node").asText()).isEqualTo("events-it");
            assertThat(Instant.parse(insert.json().path("time").asText())).isBefore(Instant.now());
            JsonNode added = insert.params();
            assertThat(added.path("kind").asText()).isEqualTo("added");
            assertThat(added.path("uri").asText()).isEqualTo(phone.contactUri());
            assertThat(added.path("callid").asText()).isEqualTo(register.header("Call-ID").orElseThrow());
            assertThat(added.path("expires").asLong()).isPositive();
            assertThat(added.path("received").asText()).isEqualTo("udp:127.0.0.1:" + phone.address().getPort());
            assertThat(added.path("socket").asText())
                    .isEqualTo("udp:127.0.0.1:" + router.sipAddress(Transport.UDP).getPort());
            JsonNode removed = posts.get(2).params();
            assertThat(removed.path("kind").asText()).isEqualTo("removed");
            assertThat(removed.path("expires").asLong()).isZero();

            await().atMost(SipAgent.WAIT).until(() -> !forAor(webhook.postsTo("/signed"), aor).isEmpty());
            Post signed = forAor(webhook.postsTo("/signed"), aor).get(0);
            assertThat(signed.name()).isEqualTo("E_UL_CONTACT_INSERT");
            assertThat(signed.header("Authorization")).contains("Bearer events-it");
            assertThat(signed.header("X-Interchange-Signature")).contains(signature("events-it-secret", signed.body()));

            await().atMost(SipAgent.WAIT).until(() -> namesFor(machineMessages, aor).size() == 3);
            assertThat(namesFor(machineMessages, aor))
                    .containsExactly("E_UL_CONTACT_INSERT", "E_UL_CONTACT_UPDATE", "E_UL_CONTACT_DELETE");
            assertThat(machineDeliveryModes).as("persistent messages").containsOnly(2);
        }
        assertThat(forAor(webhook.postsTo("/signed"), "nobody")).isEmpty();
    }

    @Test
    void eventsWaitForABrokerThatIsDownAndOnlyTheYoungerThanTheMaximumAgeArriveWhenItIsBack() throws Exception {
        assumeTrue(RabbitNode.isInstalled(), "needs Debian's rabbitmq-server (.ci/install-tools installs it)");
        try (RabbitNode node = RabbitNode.create("rabbitmq-events-it",
                List.of(AgentPorts.fromTop(1), AgentPorts.fromTop(2), AgentPorts.fromTop(3)))) {
            node.start();
            try (Connection consumer = connect(node.amqpPort())) {
                Channel channel = consumer.createChannel();
                channel.exchangeDeclare("interchange.events", BuiltinExchangeType.TOPIC, true);
                channel.queueDeclare(NODE_QUEUE, true, false, false, null);
                channel.queueBind(NODE_QUEUE, "interchange.events", "#");
            }
            try (SipAgent before = router.agent(Transport.UDP, router.newSubscriber("ev-before"));
                 SipAgent old = router.agent(Transport.UDP, router.newSubscriber("ev-old"));
                 SipAgent young = router.agent(Transport.UDP, router.newSubscriber("ev-young"))) {
                register(before);
                String beforeAor = before.subscriber().aor();
                await().atMost(SipAgent.WAIT)
                        .until(() -> namesFor(take(node), beforeAor).contains("E_UL_CONTACT_INSERT"));

                // events of the other tests, queued while the node was not running, are delivered or dropped by now
                long droppedBefore = restarted().path("droppedOld").asLong();
                node.stop();
                register(old);
                await().atMost(OUTAGE_WAIT).until(() -> restarted().path("droppedOld").asLong() == droppedBefore + 1);
                assertThat(restarted().path("connected").asBoolean()).isFalse();
                assertThat(restarted().path("lastError").asText()).isNotEmpty();

                registerRefreshAndUnregister(young);
                assertThat(restarted().path("queued").asInt()).isEqualTo(3);
                node.start();

                List<JsonNode> delivered = new ArrayList<>();
                await().atMost(OUTAGE_WAIT).until(() -> {
                    delivered.addAll(take(node));
                    return namesFor(delivered, young.subscriber().aor()).size() == 3;
                });
                assertThat(namesFor(delivered, young.subscriber().aor()))
                        .containsExactly("E_UL_CONTACT_INSERT", "E_UL_CONTACT_UPDATE", "E_UL_CONTACT_DELETE");
                assertThat(namesFor(delivered, old.subscriber().aor())).as("older than events.max-age").isEmpty();
                JsonNode state = restarted();
                assertThat(state.path("connected").asBoolean()).isTrue();
                assertThat(state.path("queued").asInt()).isZero();
                assertThat(state.path("failures").asInt()).isZero();
                assertThat(state.path("droppedOld").asLong()).isEqualTo(droppedBefore + 1);
            }
        }
    }

    @Test
    void aWebhookThatFailsGetsTheEventsInOrderOnceItAnswersAgain() {
        try (SipAgent phone = router.agent(Transport.UDP, router.newSubscriber("ev-retried"))) {
            String aor = phone.subscriber().aor();
            webhook.answer(503);
            try {
                registerRefreshAndUnregister(phone);
                await().atMost(SipAgent.WAIT)
                        .until(() -> hook().path("lastError").asText().equals("answered HTTP 503"));
                assertThat(hook().path("connected").asBoolean()).isFalse();
                assertThat(forAor(webhook.postsTo("/hook"), aor)).isEmpty();
            } finally {
                webhook.answer(204);
            }
            await().atMost(SipAgent.WAIT).until(() -> forAor(webhook.postsTo("/hook"), aor).size() == 3);
            assertThat(forAor(webhook.postsTo("/hook"), aor)).extracting(Post::name)
                    .containsExactly("E_UL_CONTACT_INSERT", "E_UL_CONTACT_UPDATE", "E_UL_CONTACT_DELETE");
            await().atMost(SipAgent.WAIT).until(() -> hook().path("failures").asInt() == 0);
            assertThat(hook().path("connected").asBoolean()).isTrue();
        }
    }

    @Test
    void aSocketRuleWhoseListenerCannotReachTheCalleeIsReportedAsAFallback() {
        try (SipAgent callee = router.agent(Transport.UDP, router.newSubscriber("ev-fallback"));
             SipAgent caller = router.agent(Transport.UDP, router.newSubscriber("ev-caller"))) {
            assertThat(callee.register().status()).isEqualTo(200);
            SentRequest message = caller.sendAuthenticated(caller.request("MESSAGE", callee.subscriber().uri()));
            callee.awaitRequest("MESSAGE").reply(200);
            assertThat(message.awaitFinalResponse().status()).isEqualTo(200);

            String calleePort = String.valueOf(callee.address().getPort());
            await().atMost(SipAgent.WAIT).until(() -> fallbacksTo(calleePort).size() == 1);
            JsonNode fallback = fallbacksTo(calleePort).get(0).params();
            assertThat(fallback.path("kind").asText()).isEqualTo("forced-unusable");
            assertThat(fallback.path("wanted").asText()).isEqualTo("udp6");
            assertThat(fallback.path("listener").asText()).isEqualTo("udp");
            assertThat(fallback.path("reason").asText()).endsWith("chosen by registration");
        }
    }

    private static List<Post> fallbacksTo(String port) {
        return webhook.postsTo("/hook").stream().filter(post -> post.name().equals("E_SOCKET_FALLBACK")
                && post.params().path("destination").asText().contains(port)).toList();
    }

    @Test
    void theAdminApiListsTheDestinationsAndSendsATestEvent() {
        JsonNode test = router.admin().post("events/test", "");
        assertThat(test.path("name").asText()).isEqualTo("E_INTERCHANGE_TEST");

        await().atMost(SipAgent.WAIT).until(() -> webhook.postsTo("/hook").stream()
                .anyMatch(post -> post.name().equals("E_INTERCHANGE_TEST")));
        JsonNode destinations = router.admin().get("events").path("destinations");
        assertThat(destinations.findValuesAsText("name"))
                .containsExactlyInAnyOrder("hook", "signed", "machine", "restarted");
        JsonNode machine = destination(destinations, "machine");
        assertThat(machine.path("transport").asText()).isEqualTo("amqp");
        assertThat(machine.path("url").asText()).as("no password").isEqualTo("amqp://127.0.0.1:5672/%2f");
        assertThat(destination(destinations, "signed").path("events").toString())
                .isEqualTo("[\"E_UL_CONTACT_INSERT\"]");
        assertThat(destination(destinations, "hook").path("delivered").asLong()).isPositive();
    }

    /** REGISTER, a refresh in the same Call-ID, then expires 0; each answered 200. Returns the first REGISTER. */
    private static SipRequest registerRefreshAndUnregister(SipAgent phone) {
        SentRequest registered = register(phone);
        SipRequest refresh = phone.nextAttempt(registered.request()).without("Authorization");
        assertThat(phone.sendAuthenticated(refresh).awaitFinalResponse().status()).isEqualTo(200);
        SipRequest unregister = phone.nextAttempt(phone.nextAttempt(refresh)).without("Authorization")
                .replacing("Contact", "<" + phone.contactUri() + ">;expires=0");
        assertThat(phone.sendAuthenticated(unregister).awaitFinalResponse().status()).isEqualTo(200);
        return registered.request();
    }

    private static SentRequest register(SipAgent phone) {
        SentRequest registered = phone.sendAuthenticated(phone.registerRequest());
        assertThat(registered.awaitFinalResponse().status()).isEqualTo(200);
        return registered;
    }

    private JsonNode restarted() {
        return destination(router.admin().get("events").path("destinations"), "restarted");
    }

    private JsonNode hook() {
        return destination(router.admin().get("events").path("destinations"), "hook");
    }

    private static JsonNode destination(JsonNode destinations, String name) {
        for (JsonNode destination : destinations) {
            if (destination.path("name").asText().equals(name)) {
                return destination;
            }
        }
        throw new AssertionError("no destination " + name + " in " + destinations);
    }

    private static List<Post> forAor(List<Post> posts, String aor) {
        return posts.stream().filter(post -> post.params().path("aor").asText().equals(aor)).toList();
    }

    private static List<String> namesFor(List<JsonNode> events, String aor) {
        return events.stream().filter(event -> event.path("params").path("aor").asText().equals(aor))
                .map(event -> event.path("name").asText()).toList();
    }

    /** What the node's queue holds now, taken off it. */
    private static List<JsonNode> take(RabbitNode node) throws IOException, TimeoutException {
        List<JsonNode> events = new ArrayList<>();
        try (Connection connection = connect(node.amqpPort())) {
            Channel channel = connection.createChannel();
            for (GetResponse message = channel.basicGet(NODE_QUEUE, true); message != null;
                 message = channel.basicGet(NODE_QUEUE, true)) {
                assertThat(message.getProps().getDeliveryMode()).as("persistent").isEqualTo(2);
                events.add(JSON.readTree(message.getBody()));
            }
        }
        return events;
    }

    private static Connection connect(int port) throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(port);
        factory.setConnectionTimeout(5000);
        return factory.newConnection("interchange-events-it");
    }

    private static String signature(String secret, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
