package org.interchange.it.support.events;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server of the test JVM (the JDK's own) that takes webhook POSTs on any path, answers 204 and keeps each
 * one for the test to read; or, while a test wants the webhook down, answers another status and keeps nothing.
 * Thread-safe.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One POST: its path, header fields and body. */
    public record Post(String path, Headers headers, byte[] body, JsonNode json) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.getFirst(name));
        }

        public String name() {
            return json.path("name").asText();
        }

        public JsonNode params() {
            return json.path("params");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private volatile int status = 204;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    /** Listening on {@code address} until closed. */
    public static WebhookReceiver start(InetSocketAddress address) throws IOException {
        WebhookReceiver receiver = new WebhookReceiver(HttpServer.create(address, 16));
        receiver.server.createContext("/", receiver::take);
        receiver.server.start();
        return receiver;
    }

    private void take(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            JsonNode json;
            try {
                json = JSON.readTree(body);
            } catch (IOException notJson) {
                json = JSON.createObjectNode().put("unreadable", new String(body, StandardCharsets.UTF_8));
            }
            int answer = status;
            if (answer / 100 == 2) {
                posts.add(new Post(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body, json));
            }
            exchange.sendResponseHeaders(answer, -1);
        }
    }

    /** Answers every POST from now on with {@code answer}; only those answered 2xx are kept. */
    public void answer(int answer) {
        status = answer;
    }

    /** What was POSTed to {@code path} and taken so far, in the order it came. */
    public List<Post> postsTo(String path) {
        return posts.stream().filter(post -> post.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
