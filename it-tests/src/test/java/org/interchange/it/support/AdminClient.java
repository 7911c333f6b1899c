package org.interchange.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.interchange.it.support.sip.Subscriber;

/** The router's admin API ({@code /interchange/api}, HTTP Basic), as far as the scenarios need it. */
public final class AdminClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI api;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    AdminClient(URI api, String user, String password) {
        this.api = api;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a subscriber ({@code PUT /api/subscribers/{aor}}). */
    public void addSubscriber(Subscriber subscriber) {
        String body = JSON.createObjectNode().put("password", subscriber.password()).toString();
        send(HttpRequest.newBuilder(resolve("subscribers/" + encode(subscriber.aor())))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Every address-of-record with its bindings ({@code GET /api/location}). */
    public Map<String, List<LocationBinding>> location() {
        String body = send(HttpRequest.newBuilder(resolve("location")).GET());
        try {
            return JSON.readValue(body, new TypeReference<Map<String, List<LocationBinding>>>() {
            });
        } catch (IOException e) {
            throw new AssertionError("GET /api/location returned what is not its JSON: " + body, e);
        }
    }

    /** The bindings of one address-of-record, {@code user@domain}; empty when it has none. */
    public List<LocationBinding> bindings(String aor) {
        return location().getOrDefault(aor, List.of());
    }

    /** Removes every binding of one address-of-record, {@code user@domain} ({@code DELETE /api/location/{aor}}). */
    public void removeBindings(String aor) {
        send(HttpRequest.newBuilder(resolve("location/" + encode(aor))).DELETE());
    }

    /** The socket policy's decisions so far, by reason ({@code GET /api/sockets}, its {@code decisions}). */
    public Map<String, Long> socketDecisions() {
        String body = send(HttpRequest.newBuilder(resolve("sockets")).GET());
        try {
            return JSON.convertValue(JSON.readTree(body).get("decisions"), new TypeReference<Map<String, Long>>() {
            });
        } catch (IOException | IllegalArgumentException e) {
            throw new AssertionError("GET /api/sockets returned what is not its JSON: " + body, e);
        }
    }

    /** The router's named periodic tasks with their periods in seconds ({@code GET /api/timers}). */
    public Map<String, Long> timers() {
        String body = send(HttpRequest.newBuilder(resolve("timers")).GET());
        try {
            return JSON.readValue(body, new TypeReference<Map<String, Long>>() {
            });
        } catch (IOException e) {
            throw new AssertionError("GET /api/timers returned what is not its JSON: " + body, e);
        }
    }

    /**
     * The named statistics ({@code GET /api/statistics?name=...}; none: all), by {@code group:name}. Values that are
     * not whole numbers are truncated: the tests look at counts.
     */
    public Map<String, Long> statistics(String... names) {
        StringBuilder query = new StringBuilder("statistics");
        for (int i = 0; i < names.length; i++) {
            query.append(i == 0 ? '?' : '&').append("name=").append(URLEncoder.encode(names[i], StandardCharsets.UTF_8));
        }
        return JSON.convertValue(get(query.toString()), new TypeReference<Map<String, Long>>() {
        });
    }

    /** The Prometheus exposition ({@code GET /metrics}, beside the API, with the admin credentials). */
    public String metrics() {
        return send(HttpRequest.newBuilder(resolve("../metrics")).GET());
    }

    /**
     * {@code GET <path>} of the web application ({@code health/ready}, {@code metrics}) without credentials,
     * whatever its status.
     */
    public HttpResponse<String> getWithoutCredentials(String path) {
        return http(HttpRequest.newBuilder(resolve("../" + path)).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Any resource as JSON ({@code GET /api/<path>}). */
    public JsonNode get(String path) {
        return json(path, send(HttpRequest.newBuilder(resolve(path)).GET()));
    }

    /** Creates in a resource ({@code POST /api/<path>}) with a JSON body; the answer's JSON. */
    public JsonNode post(String path, String body) {
        return json(path, send(HttpRequest.newBuilder(resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    /** Changes a resource ({@code PUT /api/<path>}) with a JSON body; the answer's JSON. */
    public JsonNode put(String path, String body) {
        return json(path, send(HttpRequest.newBuilder(resolve(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))));
    }

    /**
     * Calls an MI command ({@code POST /interchange/mi}, JSON-RPC 2.0 as OpenSIPS's {@code mi_http}) with params
     * given as JSON (an object or an array; null for none); the whole JSON-RPC response.
     */
    public JsonNode mi(String method, String params) {
        String request = "{\"jsonrpc\": \"2.0\", \"method\": \"" + method + "\""
                + (params == null ? "" : ", \"params\": " + params) + ", \"id\": 1}";
        return miRequest(request);
    }

    /** Sends a body to the MI as it is; the JSON answer. */
    public JsonNode miRequest(String body) {
        return json("../mi", send(HttpRequest.newBuilder(resolve("../mi")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    /** Removes a resource ({@code DELETE /api/<path>}). */
    public void delete(String path) {
        send(HttpRequest.newBuilder(resolve(path)).DELETE());
    }

    private static JsonNode json(String path, String body) {
        try {
            return JSON.readTree(body.isEmpty() ? "null" : body);
        } catch (IOException e) {
            throw new AssertionError("/api/" + path + " returned what is not JSON: " + body, e);
        }
    }

    /**
     * Sends a request to {@code /api/<path>} (a JSON body, or null for none) and returns the answer whatever its
     * status, for tests of the refusals.
     */
    public HttpResponse<String> exchange(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return exchange(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The API's address, for requests a test writes itself (without credentials, for instance). */
    public URI uri(String path) {
        return resolve(path);
    }

    private String send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        HttpRequest built = request.header("Authorization", authorization).timeout(TIMEOUT).build();
        return http(built, body);
    }

    private <T> HttpResponse<T> http(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(request.method() + " " + request.uri() + " was interrupted", e);
        }
    }

    private URI resolve(String path) {
        return api.resolve(path);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
