package org.interchange.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An operator, or a script, talks to the admin API and gets told what is wrong in words (an RFC 7807 problem:
 * type, title, status, detail), never a stack trace or the text of an exception, whoever answers: the API, Jersey,
 * Jackson or Tomcat. Someone guessing the admin password is logged with their address, slowed down and then locked
 * out, while the operator on another address is not. The API also answers over HTTPS with the router's generated
 * certificate. OpenSIPS's MI over HTTP has neither problem bodies nor a lockout; Kamailio's JSON-RPC answers errors
 * with a code and a text of its own.
 *
 * <p>Requests are written on a raw socket, so that a test can choose its source address (the lockout is per source)
 * and see exactly what comes back.
 */
@ExtendWith(ArquillianExtension.class)
class AdminApiIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Deployment(testable = false)
    @TargetsContainer("admin")
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    @Test
    void errorsAnswerAProblemThatNamesTheProblemAndNoException() throws Exception {
        String credentials = basic("admin", router.setting("admin.password"));

        assertProblem(send("127.0.0.1", "GET", "/interchange/api/no-such-thing", credentials, null), 404);
        Answer wrongMethod = send("127.0.0.1", "DELETE", "/interchange/api/timers", credentials, null);
        assertProblem(wrongMethod, 405);
        assertThat(wrongMethod.headers()).containsKey("allow");
        assertProblem(send("127.0.0.1", "PUT", "/interchange/api/subscribers/x@" + router.domain(), credentials,
                "{\"password\": \"unfinished"), 400);
        assertProblem(send("127.0.0.1", "PUT", "/interchange/api/subscribers/x@" + router.domain(), credentials,
                "[1, 2]"), 400);
        Answer foreign = send("127.0.0.1", "PUT", "/interchange/api/subscribers/x@elsewhere.example", credentials,
                "{\"password\": \"secret\"}");
        assertProblem(foreign, 400);
        assertThat(foreign.problem().get("detail").asText()).contains("elsewhere.example", "not a served domain");
        assertProblem(send("127.0.0.1", "GET", "/interchange/outside-the-api", credentials, null), 404);
        Answer outsideTheApplication = send("127.0.0.1", "GET", "/no-such-application", null, null);
        assertThat(outsideTheApplication.status()).isEqualTo(404);
        assertThat(outsideTheApplication.body()).as("Tomcat's answer outside every application: no page").isEmpty();
        Answer anonymous = send("127.0.0.1", "GET", "/interchange/api/timers", null, null);
        assertProblem(anonymous, 401);
        assertThat(anonymous.headers().get("www-authenticate")).startsWith("Basic realm=");
    }

    @Test
    void repeatedFailedLoginsAreLoggedAndLockTheirSourceOutButNotTheOthers() throws Exception {
        String source = "127.0.0.37";
        String wrong = basic("admin", "guess");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertProblem(send(source, "GET", "/interchange/api/timers", wrong, null), 401);
        }

        Answer locked = send(source, "GET", "/interchange/api/timers", basic("admin", router.setting("admin.password")),
                null);
        assertProblem(locked, 429);
        assertThat(locked.headers()).containsKey("retry-after");
        assertThat(send("127.0.0.1", "GET", "/interchange/api/timers",
                basic("admin", router.setting("admin.password")), null).status())
                .as("the operator on another address").isEqualTo(200);
        assertThat(Files.readString(router.log())).contains("failed login from " + source)
                .contains("failed login from " + source + "; 5 failures in a row: locked out");
    }

    /**
     * A failed login is answered by a timer, after the request went asynchronous; Tomcat 7 then never tells Weld that
     * the request thread is done with it. Weld's HTTP contexts are off (web.xml says why), so the threads that served
     * those logins serve the next requests without Weld's warnings of leaked contexts.
     */
    @Test
    void requestsAfterFailedLoginsLeaveNoWarningOfLeakedContexts() throws Exception {
        String credentials = basic("admin", router.setting("admin.password"));
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertProblem(send("127.0.0.38", "GET", "/interchange/api/timers", basic("admin", "guess"), null), 401);
        }
        // sequential requests go to the pool's idle threads: those of the failed logins among them
        for (int request = 1; request <= 30; request++) {
            assertThat(send("127.0.0.1", "GET", "/interchange/api/timers", credentials, null).status()).isEqualTo(200);
        }

        assertThat(Files.readString(router.log())).doesNotContain("WELD-000714", "WELD-000715", "WELD-000225", "WELD-000335");
    }

    @Test
    void theApiAnswersOverHttpsWithTheRoutersCertificate() throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(router.tls()).connectTimeout(TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("https://" + router.setting("admin.https") + "/interchange/api/timers"))
                .header("Authorization", basic("admin", router.setting("admin.password")))
                .timeout(TIMEOUT).GET().build();

        HttpResponse<String> response = https.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).isObject()).as(response.body()).isTrue();
    }

    private static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as("status of %s", answer).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).as("%s", answer).startsWith("application/problem+json");
        JsonNode problem = answer.problem();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).isNotBlank();
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(answer.body()).as("no internals in %s", answer)
                .doesNotContain("Exception", "at org.", "at com.", "Apache Tomcat", "<html", "line: ", "column: ");
    }

    /** An HTTP answer as it came off the socket. */
    private record Answer(int status, Map<String, String> headers, String body) {
        JsonNode problem() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }
    }

    /** One request on its own connection from {@code source}, the whole answer read until the router closes. */
    private Answer send(String source, String method, String path, String authorization, String body)
            throws IOException {
        String[] admin = router.setting("admin.http").split(":");
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n")
                .append("Host: ").append(router.setting("admin.http")).append("\r\n")
                .append("Connection: close\r\n");
        if (authorization != null) {
            request.append("Authorization: ").append(authorization).append("\r\n");
        }
        if (body != null) {
            request.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(new InetSocketAddress(admin[0], Integer.parseInt(admin[1])), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static Answer parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("not an HTTP answer: " + raw);
        }
        String[] lines = raw.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String body = raw.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunked(body);
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
    }

    private static String unchunked(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
